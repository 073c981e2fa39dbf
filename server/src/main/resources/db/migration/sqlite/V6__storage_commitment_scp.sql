-- Storage Commitment SCP (sqlite): one row per received request and one per referenced instance,
-- written in one transaction before the N-ACTION-RSP; job_id is the StorageCommitmentScp job's ID.
-- result: NULL not checked yet, 0 committed, else the Failure Reason (0008,1197) code.
-- Rows live as long as their job does (JobsHistorySize); the ledger outlives them.

CREATE TABLE commitment_transactions (
    job_id TEXT PRIMARY KEY,
    transaction_uid TEXT NOT NULL,
    remote_aet TEXT NOT NULL,
    called_aet TEXT NOT NULL,
    modality TEXT NOT NULL,
    check_name TEXT NOT NULL,
    reference_count INTEGER NOT NULL,
    duplicate INTEGER NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX commitment_transactions_uid ON commitment_transactions(transaction_uid);

CREATE TABLE commitment_references (
    job_id TEXT NOT NULL REFERENCES commitment_transactions(job_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    sop_class_uid TEXT NOT NULL,
    sop_instance_uid TEXT NOT NULL,
    result INTEGER,
    description TEXT,
    PRIMARY KEY (job_id, position)
);

-- The commitment ledger: which instance we committed to store, to whom, when, under which
-- transaction. A committed instance is deleted only with an explicit force flag.
CREATE TABLE commitment_ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id INTEGER NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
    job_id TEXT NOT NULL,
    transaction_uid TEXT NOT NULL,
    remote_aet TEXT NOT NULL,
    committed_at BIGINT NOT NULL
);
CREATE INDEX commitment_ledger_instance ON commitment_ledger(instance_id);
