-- Storage Commitment SCU (Evidence Creator, PS3.4 §J.3) (postgresql): one row per transaction we asked a
-- remote to commit (written with all its references before the first N-ACTION is sent) or per
-- report of a transaction we do not know (kept as received, solicited = 0), and one row per
-- referenced instance, whose result is written before the N-EVENT-REPORT-RSP goes back.
-- A large request is sent as several N-ACTIONs ("parts"), each with its own Transaction UID
-- (part_uid); the first part's UID is the transaction's public ID. Times: epoch ms (UTC).

CREATE TABLE stgcmt_scu_transactions (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    modality TEXT,
    local_aet TEXT NOT NULL,
    remote_aet TEXT NOT NULL,
    status TEXT NOT NULL,
    solicited INTEGER NOT NULL,
    origin TEXT NOT NULL,
    creation_time BIGINT NOT NULL,
    deadline BIGINT NOT NULL,
    completion_time BIGINT,
    parts INTEGER NOT NULL,
    parts_sent INTEGER NOT NULL,
    reports INTEGER NOT NULL,
    retrieve_aet TEXT,
    last_error TEXT NOT NULL
);
CREATE INDEX stgcmt_scu_transactions_status ON stgcmt_scu_transactions(status, deadline);

CREATE TABLE stgcmt_scu_references (
    transaction_uid TEXT NOT NULL REFERENCES stgcmt_scu_transactions(uid) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    part_uid TEXT NOT NULL,
    sop_class_uid TEXT NOT NULL,
    sop_instance_uid TEXT NOT NULL,
    instance_id TEXT,
    result TEXT NOT NULL,
    failure_reason INTEGER,
    PRIMARY KEY (transaction_uid, position)
);
CREATE INDEX stgcmt_scu_references_part ON stgcmt_scu_references(part_uid, sop_instance_uid);
