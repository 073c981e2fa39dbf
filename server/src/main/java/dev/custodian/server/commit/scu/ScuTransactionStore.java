package dev.custodian.server.commit.scu;

import dev.custodian.server.index.IndexDatabase;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The tables of migration V7 ({@code stgcmt_scu_transactions}, {@code stgcmt_scu_references}).
 * A transaction and its references are written in one database transaction; a report is applied
 * in one database transaction, so a crash leaves either all of it or none.
 */
public final class ScuTransactionStore {
    private static final String COLUMNS = "uid, modality, local_aet, remote_aet, status, solicited, origin, "
            + "creation_time, deadline, completion_time, parts, parts_sent, reports, retrieve_aet, last_error";

    /** What applying a report did. */
    public sealed interface Applied {
        /** No transaction has a part with this Transaction UID. */
        record Unknown() implements Applied {}

        /** The transaction was already finished: nothing changed. */
        record AlreadyFinished(ScuTransaction transaction) implements Applied {}

        /** The report names instances the part did not reference: nothing changed. */
        record Foreign(String transactionUid, List<SopReference> references) implements Applied {}

        /** Results written; {@code transaction} is the row afterwards. */
        record Done(ScuTransaction transaction, int applied) implements Applied {}
    }

    /** {@code GET /storage-commitment} filters; null fields do not filter. */
    public record Filter(ScuStatus status, String modality, Long createdFrom, Long createdTo, long since, long limit) {
        public Filter {
            if (since < 0 || limit < 1) {
                throw new IllegalArgumentException("since must be >= 0 and limit >= 1");
            }
        }
    }

    private final Jdbi jdbi;

    public ScuTransactionStore(IndexDatabase database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    /** Writes a transaction and all its references (one database transaction). */
    public void insert(ScuTransaction t, List<ScuReference> references) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO stgcmt_scu_transactions (" + COLUMNS + ") VALUES (:uid, :modality, :local, "
                            + ":remote, :status, :solicited, :origin, :creation, :deadline, :completion, :parts, "
                            + ":sent, :reports, :retrieve, :error)")
                    .bind("uid", t.uid()).bind("modality", t.modality()).bind("local", t.localAet())
                    .bind("remote", t.remoteAet()).bind("status", t.status().text())
                    .bind("solicited", t.solicited() ? 1 : 0).bind("origin", t.origin())
                    .bind("creation", t.creationMillis()).bind("deadline", t.deadlineMillis())
                    .bind("completion", t.completionMillis()).bind("parts", t.parts()).bind("sent", t.partsSent())
                    .bind("reports", t.reports()).bind("retrieve", t.retrieveAet()).bind("error", t.lastError())
                    .execute();
            PreparedBatch batch = h.prepareBatch("INSERT INTO stgcmt_scu_references (transaction_uid, position, "
                    + "part_uid, sop_class_uid, sop_instance_uid, instance_id, result, failure_reason) VALUES (:tx, "
                    + ":position, :part, :class, :instance, :id, :result, :reason)");
            for (ScuReference r : references) {
                batch.bind("tx", t.uid()).bind("position", r.position()).bind("part", r.partUid())
                        .bind("class", r.sop().sopClassUid()).bind("instance", r.sop().sopInstanceUid())
                        .bind("id", r.instanceId()).bind("result", r.result().name())
                        .bind("reason", r.failureReason() == null ? null : r.failureReason().code()).add();
            }
            if (!references.isEmpty()) {
                batch.execute();
            }
        });
    }

    public Optional<ScuTransaction> find(String uid) {
        return jdbi.withHandle(h -> find(h, uid));
    }

    private static Optional<ScuTransaction> find(Handle h, String uid) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stgcmt_scu_transactions WHERE uid = :uid")
                .bind("uid", uid).map(ScuTransactionStore::transaction).findOne();
    }

    /** The references of a transaction, in request order. */
    public List<ScuReference> references(String uid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT position, part_uid, sop_class_uid, sop_instance_uid, "
                        + "instance_id, result, failure_reason FROM stgcmt_scu_references WHERE transaction_uid = :uid "
                        + "ORDER BY position").bind("uid", uid).map(ScuTransactionStore::reference).list());
    }

    /** Transactions matching {@code f}, oldest first, from the {@code since}-th on, at most {@code limit}. */
    public List<ScuTransaction> list(Filter f) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.status() != null) {
            where.append(" AND status = :status");
        }
        if (f.modality() != null) {
            where.append(" AND modality = :modality");
        }
        if (f.createdFrom() != null) {
            where.append(" AND creation_time >= :from");
        }
        if (f.createdTo() != null) {
            where.append(" AND creation_time < :to");
        }
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT " + COLUMNS + " FROM stgcmt_scu_transactions" + where
                    + " ORDER BY seq LIMIT :limit OFFSET :offset").bind("limit", f.limit()).bind("offset", f.since());
            if (f.status() != null) {
                q.bind("status", f.status().text());
            }
            if (f.modality() != null) {
                q.bind("modality", f.modality());
            }
            if (f.createdFrom() != null) {
                q.bind("from", f.createdFrom());
            }
            if (f.createdTo() != null) {
                q.bind("to", f.createdTo());
            }
            return q.map(ScuTransactionStore::transaction).list();
        });
    }

    /** Records that {@code sent} parts were accepted and the last sending error (empty: none). */
    public void markSent(String uid, int sent, String lastError) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE stgcmt_scu_transactions SET parts_sent = :sent, last_error = :error "
                + "WHERE uid = :uid").bind("sent", sent).bind("error", lastError).bind("uid", uid).execute());
    }

    /** Deletes a transaction and its references; false when it did not exist. */
    public boolean delete(String uid) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM stgcmt_scu_transactions WHERE uid = :uid")
                .bind("uid", uid).execute() > 0);
    }

    /**
     * Applies a report to the part whose Transaction UID it carries: each reference still without
     * a result gets the report's; once no reference of the transaction is left without one it
     * becomes Success (all committed) or Failure.
     */
    public Applied apply(CommitmentReport report, long now) {
        return jdbi.inTransaction(h -> {
            Optional<String> owner = h.createQuery("SELECT transaction_uid FROM stgcmt_scu_references "
                    + "WHERE part_uid = :part LIMIT 1").bind("part", report.transactionUid())
                    .mapTo(String.class).findOne();
            if (owner.isEmpty()) {
                return new Applied.Unknown();
            }
            ScuTransaction t = find(h, owner.get()).orElseThrow();
            if (t.status().finished()) {
                return new Applied.AlreadyFinished(t);
            }
            Map<String, ScuReference> part = new HashMap<>();
            h.createQuery("SELECT position, part_uid, sop_class_uid, sop_instance_uid, instance_id, result, "
                            + "failure_reason FROM stgcmt_scu_references WHERE part_uid = :part")
                    .bind("part", report.transactionUid()).map(ScuTransactionStore::reference)
                    .forEach(r -> part.put(r.sop().sopInstanceUid(), r));
            List<SopReference> foreign = foreign(report, part);
            if (!foreign.isEmpty()) {
                return new Applied.Foreign(t.uid(), foreign);
            }
            int applied = write(h, t.uid(), report, part);
            return new Applied.Done(finish(h, t, report.retrieveAeTitle(), now), applied);
        });
    }

    private static List<SopReference> foreign(CommitmentReport report, Map<String, ScuReference> part) {
        List<SopReference> out = new ArrayList<>();
        List<SopReference> all = new ArrayList<>(report.committed());
        report.failed().forEach(f -> all.add(f.reference()));
        for (SopReference r : all) {
            ScuReference ours = part.get(r.sopInstanceUid());
            if (ours == null || !ours.sop().equals(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private static int write(Handle h, String uid, CommitmentReport report, Map<String, ScuReference> part) {
        String sql = "UPDATE stgcmt_scu_references SET result = :result, failure_reason = :reason "
                + "WHERE transaction_uid = :tx AND position = :position AND result = 'PENDING'";
        int n = 0;
        for (SopReference r : report.committed()) {
            n += h.createUpdate(sql).bind("result", ScuReference.Result.COMMITTED.name()).bind("reason", (Integer) null)
                    .bind("tx", uid).bind("position", part.get(r.sopInstanceUid()).position()).execute();
        }
        for (FailedReference f : report.failed()) {
            n += h.createUpdate(sql).bind("result", ScuReference.Result.FAILED.name()).bind("reason", f.reason().code())
                    .bind("tx", uid).bind("position", part.get(f.sopInstanceUid()).position()).execute();
        }
        return n;
    }

    private static ScuTransaction finish(Handle h, ScuTransaction t, String retrieveAet, long now) {
        long pending = h.createQuery("SELECT COUNT(*) FROM stgcmt_scu_references WHERE transaction_uid = :tx "
                + "AND result = 'PENDING'").bind("tx", t.uid()).mapTo(Long.class).one();
        long failed = h.createQuery("SELECT COUNT(*) FROM stgcmt_scu_references WHERE transaction_uid = :tx "
                + "AND result = 'FAILED'").bind("tx", t.uid()).mapTo(Long.class).one();
        ScuStatus status = pending > 0 ? ScuStatus.PENDING : failed > 0 ? ScuStatus.FAILURE : ScuStatus.SUCCESS;
        h.createUpdate("UPDATE stgcmt_scu_transactions SET status = :status, reports = reports + 1, "
                        + "retrieve_aet = COALESCE(:retrieve, retrieve_aet), completion_time = :completion WHERE uid = :uid")
                .bind("status", status.text()).bind("retrieve", retrieveAet)
                .bind("completion", status.finished() ? now : null).bind("uid", t.uid()).execute();
        return find(h, t.uid()).orElseThrow();
    }

    /** Pending transactions whose deadline passed become Timeout; returns their UIDs. */
    public List<String> expire(long now) {
        List<String> due = jdbi.withHandle(h -> h.createQuery("SELECT uid FROM stgcmt_scu_transactions "
                + "WHERE status = 'Pending' AND deadline <= :now").bind("now", now).mapTo(String.class).list());
        List<String> expired = new ArrayList<>();
        for (String uid : due) {
            int n = jdbi.withHandle(h -> h.createUpdate("UPDATE stgcmt_scu_transactions SET status = 'Timeout', "
                    + "completion_time = :now WHERE uid = :uid AND status = 'Pending'").bind("now", now)
                    .bind("uid", uid).execute());
            if (n > 0) {
                expired.add(uid);
            }
        }
        return expired;
    }

    /** Deletes the oldest finished transactions beyond the {@code keep} most recent; returns how many. */
    public int trimFinished(int keep) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM stgcmt_scu_transactions WHERE status <> 'Pending' "
                + "AND seq NOT IN (SELECT seq FROM stgcmt_scu_transactions WHERE status <> 'Pending' "
                + "ORDER BY seq DESC LIMIT :keep)").bind("keep", keep).execute());
    }

    private static ScuTransaction transaction(ResultSet rs, StatementContext ctx) throws SQLException {
        long completion = rs.getLong("completion_time");
        Long completed = rs.wasNull() ? null : completion;
        return new ScuTransaction(rs.getString("uid"), rs.getString("modality"), rs.getString("local_aet"),
                rs.getString("remote_aet"), ScuStatus.parse(rs.getString("status")).orElseThrow(),
                rs.getInt("solicited") != 0, rs.getString("origin"), rs.getLong("creation_time"),
                rs.getLong("deadline"), completed, rs.getInt("parts"), rs.getInt("parts_sent"), rs.getInt("reports"),
                rs.getString("retrieve_aet"), rs.getString("last_error"));
    }

    private static ScuReference reference(ResultSet rs, StatementContext ctx) throws SQLException {
        int reason = rs.getInt("failure_reason");
        FailureReason why = rs.wasNull() ? null : FailureReason.of(reason);
        return new ScuReference(rs.getInt("position"), rs.getString("part_uid"),
                new SopReference(rs.getString("sop_class_uid"), rs.getString("sop_instance_uid")),
                rs.getString("instance_id"), ScuReference.Result.valueOf(rs.getString("result")), why);
    }
}
