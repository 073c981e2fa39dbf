package dev.custodian.server.jobs;

import dev.custodian.server.index.IndexDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code jobs} table (migration V5). Every change of state is one conditional UPDATE, so two
 * nodes sharing a PostgreSQL index never both move the same job: a node claims a runnable job
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED} and owns it under a lease it renews; its saves
 * name it as the owner, and a save that finds another owner tells the node it lost the job.
 */
public final class JobStore {
    private static final String COLUMNS = "id, type, state, priority, progress, creation_time, completion_time, "
            + "runtime_ms, error_code, error_description, error_details, content, job_state, control, owner, "
            + "lease_until, retry_at";
    private static final String RUNNABLE = "(state = 'Pending' OR (state = 'Retry' AND retry_at <= :now) "
            + "OR (state = 'Running' AND lease_until < :now))";

    /** What the owner learns when it saves a step. */
    public enum Saved { CONTINUE, PAUSE, CANCEL, LOST }

    /** A job this node now runs, and the state it was in before. */
    public record Claim(JobRecord job, JobState from) {}

    private final Jdbi jdbi;
    private final boolean postgres;

    public JobStore(IndexDatabase database) {
        this.jdbi = database.jdbi();
        this.postgres = database.dialect() == IndexDatabase.Dialect.POSTGRESQL;
    }

    public boolean shared() {
        return postgres;
    }

    public void insert(JobRecord r) {
        jdbi.useHandle(h -> insert(h, r));
    }

    /** Inserts in the caller's transaction (a job and rows of its own written atomically). */
    public void insert(Handle h, JobRecord r) {
        h.createUpdate("INSERT INTO jobs (" + COLUMNS + ") VALUES (:id, :type, :state, :priority, "
                        + ":progress, :creation, :completion, :runtime, :code, :description, :details, :content, "
                        + ":jobState, :control, :owner, :lease, :retry)")
                .bind("id", r.id()).bind("type", r.type()).bind("state", r.state().orthancName())
                .bind("priority", r.priority()).bind("progress", r.progress())
                .bind("creation", r.creationTime().toEpochMilli())
                .bind("completion", r.completionTime() == null ? null : r.completionTime().toEpochMilli())
                .bind("runtime", r.runtimeMillis()).bind("code", r.error().code())
                .bind("description", r.error().description()).bind("details", r.error().details())
                .bind("content", r.content()).bind("jobState", r.jobState()).bind("control", r.control())
                .bind("owner", r.owner()).bind("lease", r.leaseUntil()).bind("retry", r.retryAt())
                .execute();
    }

    /** Runs {@code work} in one database transaction of this store's database. */
    public <X extends Exception> void inTransaction(org.jdbi.v3.core.HandleConsumer<X> work) throws X {
        jdbi.useTransaction(work);
    }

    public Optional<JobRecord> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id")
                .bind("id", id).map(JobStore::row).findOne());
    }

    /** Every job, oldest first. */
    public List<JobRecord> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs ORDER BY seq")
                .map(JobStore::row).list());
    }

    /**
     * Takes the runnable job of highest priority (oldest first among equals) of one of
     * {@code types}: Pending, Retry whose delay has passed, or Running under an expired lease
     * (its node died). It becomes Running, owned by {@code node} until {@code leaseUntil}.
     */
    public Optional<Claim> claim(String node, List<String> types, long now, long leaseUntil) {
        if (types.isEmpty()) {
            return Optional.empty();
        }
        String select = "SELECT " + COLUMNS + " FROM jobs WHERE " + RUNNABLE + " AND type IN (<types>) "
                + "ORDER BY priority DESC, seq LIMIT 1" + (postgres ? " FOR UPDATE SKIP LOCKED" : "");
        // a read outside any transaction first: idle workers then never take SQLite's write lock
        boolean any = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE " + RUNNABLE
                + " AND type IN (<types>)").bind("now", now).bindList("types", types).mapTo(Long.class).one() > 0);
        if (!any) {
            return Optional.empty();
        }
        return jdbi.inTransaction(h -> {
            Optional<JobRecord> found = h.createQuery(select).bind("now", now).bindList("types", types)
                    .map(JobStore::row).findOne();
            if (found.isEmpty()) {
                return Optional.<Claim>empty();
            }
            h.createUpdate("UPDATE jobs SET state = 'Running', owner = :node, lease_until = :lease, retry_at = NULL "
                    + "WHERE id = :id").bind("node", node).bind("lease", leaseUntil).bind("id", found.get().id())
                    .execute();
            JobRecord before = found.get();
            return Optional.of(new Claim(find(h, before.id()).orElseThrow(), before.state()));
        });
    }

    /** Saves a completed step of a job this node owns and renews the lease; reports a pending pause/cancel. */
    public Saved saveStep(String id, String node, int progress, String content, String jobState, long runtimeMillis,
                          long leaseUntil) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE jobs SET progress = :progress, content = :content, job_state = :jobState, "
                            + "runtime_ms = :runtime, lease_until = :lease WHERE id = :id AND owner = :node "
                            + "AND state = 'Running'")
                    .bind("progress", progress).bind("content", content).bind("jobState", jobState)
                    .bind("runtime", runtimeMillis).bind("lease", leaseUntil).bind("id", id).bind("node", node)
                    .execute();
            if (n == 0) {
                return Saved.LOST;
            }
            String control = h.createQuery("SELECT control FROM jobs WHERE id = :id").bind("id", id)
                    .mapTo(String.class).findOne().orElse(null);
            return "cancel".equals(control) ? Saved.CANCEL : "pause".equals(control) ? Saved.PAUSE : Saved.CONTINUE;
        });
    }

    /**
     * Moves a job this node owns out of Running (to Pending, Paused, Retry, Success or Failure),
     * saving its last state; false when the node no longer owns it.
     */
    public boolean release(String id, String node, JobState to, JobUpdate update) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET state = :state, owner = NULL, lease_until = NULL, "
                        + "control = NULL, progress = :progress, content = :content, job_state = :jobState, "
                        + "runtime_ms = :runtime, retry_at = :retry, completion_time = :completion, "
                        + "error_code = :code, error_description = :description, error_details = :details "
                        + "WHERE id = :id AND owner = :node AND state = 'Running'")
                .bind("state", to.orthancName()).bind("progress", update.progress()).bind("content", update.content())
                .bind("jobState", update.jobState()).bind("runtime", update.runtimeMillis())
                .bind("retry", update.retryAt()).bind("completion", update.completionTime())
                .bind("code", update.error().code()).bind("description", update.error().description())
                .bind("details", update.error().details()).bind("id", id).bind("node", node)
                .execute() == 1);
    }

    /** Moves a job not owned by anyone from one of {@code from} to {@code to}; false if it was in none. */
    public boolean transition(String id, List<JobState> from, JobState to, JobError error, Long completionTime) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET state = :to, retry_at = NULL, control = NULL, "
                        + "error_code = :code, error_description = :description, error_details = :details, "
                        + "completion_time = :completion WHERE id = :id AND state IN (<from>)")
                .bind("to", to.orthancName()).bind("code", error.code()).bind("description", error.description())
                .bind("details", error.details()).bind("completion", completionTime).bind("id", id)
                .bindList("from", from.stream().map(JobState::orthancName).toList())
                .execute() == 1);
    }

    /** Asks the node running the job to pause or cancel it after its step ({@code control} null clears). */
    public boolean requestControl(String id, String control) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET control = :control WHERE id = :id "
                + "AND state = 'Running'").bind("control", control).bind("id", id).execute() == 1);
    }

    /** Failure → Pending from the first step again ({@code POST /jobs/{id}/resubmit}). */
    public boolean resubmit(String id, String content, String jobState) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET state = 'Pending', progress = 0, content = :content, "
                        + "job_state = :jobState, completion_time = NULL, control = NULL, retry_at = NULL, "
                        + "error_code = 0, error_description = 'Success', error_details = '' "
                        + "WHERE id = :id AND state = 'Failure'")
                .bind("content", content).bind("jobState", jobState).bind("id", id).execute() == 1);
    }

    /**
     * Renews the leases of the jobs {@code ids} that this node runs. Only the jobs a worker is
     * actually running: a job whose worker could not save its end (a full disk) must see its
     * lease expire, so that it is claimed again once the database takes writes.
     */
    public int renewLeases(String node, Collection<String> ids, long leaseUntil) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET lease_until = :lease WHERE owner = :node "
                + "AND state = 'Running' AND id IN (<ids>)").bind("lease", leaseUntil).bind("node", node)
                .bindList("ids", List.copyOf(ids)).execute());
    }

    /** Running jobs of any owner back to Pending: start-up of a single-node (SQLite) index. */
    public List<String> requeueRunning() {
        return jdbi.inTransaction(h -> {
            List<String> ids = h.createQuery("SELECT id FROM jobs WHERE state = 'Running'").mapTo(String.class).list();
            h.createUpdate("UPDATE jobs SET state = 'Pending', owner = NULL, lease_until = NULL WHERE state = 'Running'")
                    .execute();
            return ids;
        });
    }

    /** Drops every job (SaveJobs false, single node). */
    public int deleteAll() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM jobs").execute());
    }

    /** Keeps the {@code size} most recently finished jobs (Success, Failure) and deletes older ones. */
    public int trimHistory(int size) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM jobs WHERE state IN ('Success', 'Failure') AND id NOT IN "
                + "(SELECT id FROM jobs WHERE state IN ('Success', 'Failure') "
                + "ORDER BY completion_time DESC, seq DESC LIMIT :size)").bind("size", size).execute());
    }

    private static Optional<JobRecord> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id").bind("id", id)
                .map(JobStore::row).findOne();
    }

    private static JobRecord row(ResultSet rs, StatementContext ctx) throws SQLException {
        long completion = rs.getLong("completion_time");
        Instant completed = rs.wasNull() ? null : Instant.ofEpochMilli(completion);
        long lease = rs.getLong("lease_until");
        Long leaseUntil = rs.wasNull() ? null : lease;
        long retry = rs.getLong("retry_at");
        Long retryAt = rs.wasNull() ? null : retry;
        return new JobRecord(rs.getString("id"), rs.getString("type"), JobState.of(rs.getString("state")),
                rs.getInt("priority"), rs.getInt("progress"), Instant.ofEpochMilli(rs.getLong("creation_time")),
                completed, rs.getLong("runtime_ms"), new JobError(rs.getInt("error_code"),
                rs.getString("error_description"), rs.getString("error_details")), rs.getString("content"),
                rs.getString("job_state"), rs.getString("control"), rs.getString("owner"), leaseUntil, retryAt);
    }
}
