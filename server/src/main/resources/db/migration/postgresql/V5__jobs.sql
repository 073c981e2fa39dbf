-- Jobs engine (postgresql): one row per job, saved at every step so a restart resumes from the last
-- completed step. Times are epoch milliseconds (UTC), comparable in SQL on both dialects.
-- A node runs a job only while it owns it: owner = the node's random run ID, lease_until = the
-- time after which another node may take the job over (the owner renews it while alive).

CREATE TABLE jobs (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    priority INTEGER NOT NULL,
    progress INTEGER NOT NULL,
    creation_time BIGINT NOT NULL,
    completion_time BIGINT,
    runtime_ms BIGINT NOT NULL,
    error_code INTEGER NOT NULL,
    error_description TEXT NOT NULL,
    error_details TEXT NOT NULL,
    content TEXT NOT NULL,
    job_state TEXT NOT NULL,
    control TEXT,
    owner TEXT,
    lease_until BIGINT,
    retry_at BIGINT
);
CREATE INDEX jobs_runnable ON jobs(state, priority, seq);
