-- Storage verification (sqlite): what a StorageVerification job found.
-- damaged_instances is the mark: an instance whose file was missing or did not match its recorded
-- size and SHA-256 at the last verification; a later verification that finds it intact removes
-- the row, and deleting the instance removes it too. A Storage Commitment request fails a marked
-- instance (Failure Reason 0110H) instead of committing it.
-- verification_findings lists, per job, the instances it found missing or damaged (its output).
-- Times are ISO-8601 UTC text, as in the index.

CREATE TABLE damaged_instances (
    instance_id INTEGER PRIMARY KEY REFERENCES instances(id) ON DELETE CASCADE,
    problem TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    job_id TEXT NOT NULL
);

CREATE TABLE verification_findings (
    job_id TEXT NOT NULL,
    instance_public_id TEXT NOT NULL,
    sop_instance_uid TEXT NOT NULL,
    problem TEXT NOT NULL,
    detail TEXT NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (job_id, instance_public_id)
);
