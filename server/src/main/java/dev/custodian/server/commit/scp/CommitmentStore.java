package dev.custodian.server.commit.scp;

import dev.custodian.server.commit.check.Verdict;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.stgcmt.StreamedReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The SCP's commitment rows (migration V6): {@code commitment_transactions}, one row per
 * reference in {@code commitment_references} (position, UIDs, result), and the ledger of
 * committed instances. Inserts and result writes are batched; reads of references go by
 * position ranges, so each costs the same wherever the cursor is.
 */
public final class CommitmentStore {
    /** Rows per JDBC batch and per read. */
    static final int BATCH = 1000;

    private final Jdbi jdbi;

    public CommitmentStore(IndexDatabase database) {
        this.jdbi = database.jdbi();
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** True when a transaction with this UID has a job that has not finished. */
    public boolean isActive(String transactionUid) {
        return jdbi.withHandle(h -> isActive(h, transactionUid));
    }

    boolean isActive(Handle h, String transactionUid) {
        return h.createQuery("SELECT COUNT(*) FROM commitment_transactions t JOIN jobs j ON j.id = t.job_id "
                        + "WHERE t.transaction_uid = :uid AND j.state NOT IN ('Success', 'Failure')")
                .bind("uid", transactionUid).mapTo(Long.class).one() > 0;
    }

    /** Writes the transaction and its references (in {@code h}'s transaction); drops rows of forgotten jobs. */
    public void insert(Handle h, ScpTransaction t, List<SopReference> references) {
        begin(h, t.jobId(), t.remoteAet(), t.calledAet(), t.modality(), t.checkName(), t.receivedAt());
        for (int from = 0; from < references.size(); from += BATCH) {
            insertReferences(h, t.jobId(), from, references.subList(from, Math.min(references.size(), from + BATCH)));
        }
        complete(h, t);
    }

    /**
     * Starts the rows of a request still arriving (in {@code h}'s transaction): its transaction
     * row, without Transaction UID and count until {@link #complete}; drops rows of forgotten jobs.
     */
    void begin(Handle h, String jobId, String remoteAet, String calledAet, String modality, String check,
               long receivedAt) {
        h.createUpdate("DELETE FROM commitment_transactions WHERE NOT EXISTS "
                + "(SELECT 1 FROM jobs j WHERE j.id = commitment_transactions.job_id)").execute();
        h.createUpdate("INSERT INTO commitment_transactions (job_id, transaction_uid, remote_aet, called_aet, modality, "
                        + "check_name, reference_count, duplicate, received_at) VALUES (:job, '', :remote, :called, "
                        + ":modality, :check, 0, 0, :received)")
                .bind("job", jobId).bind("remote", remoteAet).bind("called", calledAet).bind("modality", modality)
                .bind("check", check).bind("received", receivedAt).execute();
    }

    /** Writes {@code references} at positions {@code from}, {@code from + 1}, ... in one JDBC batch. */
    void insertReferences(Handle h, String jobId, int from, List<SopReference> references) {
        jdbc(() -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement("INSERT INTO commitment_references "
                    + "(job_id, position, sop_class_uid, sop_instance_uid) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < references.size(); i++) {
                    SopReference r = references.get(i);
                    ps.setString(1, jobId);
                    ps.setInt(2, from + i);
                    ps.setString(3, r.sopClassUid());
                    ps.setString(4, r.sopInstanceUid());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Completes the transaction row {@link #begin} wrote, once the whole request has arrived. */
    void complete(Handle h, ScpTransaction t) {
        h.createUpdate("UPDATE commitment_transactions SET transaction_uid = :uid, reference_count = :count, "
                        + "duplicate = :duplicate WHERE job_id = :job")
                .bind("uid", t.transactionUid()).bind("count", t.count()).bind("duplicate", t.duplicate() ? 1 : 0)
                .bind("job", t.jobId()).execute();
    }

    public Optional<ScpTransaction> transaction(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT job_id, transaction_uid, remote_aet, called_aet, modality, "
                        + "check_name, reference_count, duplicate, received_at FROM commitment_transactions "
                        + "WHERE job_id = :job").bind("job", jobId)
                .map((rs, ctx) -> new ScpTransaction(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8) != 0,
                        rs.getLong(9)))
                .findOne());
    }

    /** References at positions {@code from} .. {@code from + limit - 1}, in order. */
    public List<SopReference> references(String jobId, int from, int limit) {
        return jdbi.withHandle(h -> jdbc(() -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement("SELECT sop_class_uid, sop_instance_uid "
                    + "FROM commitment_references WHERE job_id = ? AND position >= ? AND position < ? ORDER BY position")) {
                ps.setString(1, jobId);
                ps.setInt(2, from);
                ps.setInt(3, from + limit);
                List<SopReference> refs = new ArrayList<>(Math.min(limit, BATCH));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(new SopReference(rs.getString(1), rs.getString(2)));
                    }
                }
                return refs;
            }
        }));
    }

    /** JDBC work whose SQLException becomes JDBI's unchecked one. */
    @FunctionalInterface
    private interface Jdbc<T> {
        T run() throws SQLException;
    }

    private static <T> T jdbc(Jdbc<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * Saves the verdicts of the references from position {@code from} on and, in the same
     * transaction, records the committed ones that are indexed in the ledger: one batch of
     * updates, then one set-wise insert from those rows (not one statement per reference).
     */
    public void saveResults(ScpTransaction t, int from, List<Verdict> verdicts, long now) {
        jdbi.useTransaction(h -> jdbc(() -> {
            Connection c = h.getConnection();
            boolean anyCommitted = false;
            try (PreparedStatement results = c.prepareStatement("UPDATE commitment_references SET result = ?, "
                    + "description = ? WHERE job_id = ? AND position = ?")) {
                for (int i = 0; i < verdicts.size(); i++) {
                    Verdict v = verdicts.get(i);
                    results.setInt(1, v.committed() ? 0 : v.reason().code());
                    results.setString(2, v.description());
                    results.setString(3, t.jobId());
                    results.setInt(4, from + i);
                    results.addBatch();
                    anyCommitted |= v.committed();
                }
                results.executeBatch();
            }
            if (anyCommitted) {
                // DISTINCT: a request may name one instance twice; the ledger holds it once per job.
                try (PreparedStatement ledger = c.prepareStatement("INSERT INTO commitment_ledger (instance_id, job_id, "
                        + "transaction_uid, remote_aet, committed_at) SELECT DISTINCT i.id, ?, ?, ?, ? "
                        + "FROM commitment_references r JOIN instances i ON i.sop_instance_uid = r.sop_instance_uid "
                        + "WHERE r.job_id = ? AND r.position >= ? AND r.position < ? AND r.result = 0 "
                        + "AND NOT EXISTS (SELECT 1 FROM commitment_ledger l WHERE l.instance_id = i.id "
                        + "AND l.job_id = ?)")) {
                    ledger.setString(1, t.jobId());
                    ledger.setString(2, t.transactionUid());
                    ledger.setString(3, t.remoteAet());
                    ledger.setLong(4, now);
                    ledger.setString(5, t.jobId());
                    ledger.setInt(6, from);
                    ledger.setInt(7, from + verdicts.size());
                    ledger.setString(8, t.jobId());
                    ledger.executeUpdate();
                }
            }
            return null;
        }));
    }

    /** Every reference fails with {@code reason} (a duplicate Transaction UID). */
    public void failAll(String jobId, FailureReason reason, String description) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE commitment_references SET result = :r, description = :d "
                + "WHERE job_id = :job").bind("r", reason.code()).bind("d", description).bind("job", jobId).execute());
    }

    /** How many references are committed and how many failed. */
    public long[] counts(String jobId) {
        return jdbi.withHandle(h -> {
            long ok = h.createQuery("SELECT COUNT(*) FROM commitment_references WHERE job_id = :job AND result = 0")
                    .bind("job", jobId).mapTo(Long.class).one();
            long ko = h.createQuery("SELECT COUNT(*) FROM commitment_references WHERE job_id = :job AND result > 0")
                    .bind("job", jobId).mapTo(Long.class).one();
            return new long[] {ok, ko};
        });
    }

    /** The report's items, streamed from the rows in position order (each call one query). */
    public StreamedReport.Items reportItems(String jobId) {
        return new StreamedReport.Items() {
            @Override
            public void committed(StreamedReport.Sink<SopReference> each) throws IOException {
                forEachResult(jobId, "result = 0", row -> each.accept(row.reference()));
            }

            @Override
            public void failed(StreamedReport.Sink<FailedReference> each) throws IOException {
                forEachResult(jobId, "result > 0",
                        row -> each.accept(new FailedReference(row.reference(), FailureReason.of(row.result()))));
            }
        };
    }

    /** One reference and its result, as the job output lists it. */
    public record Row(SopReference reference, Integer result, String description) {}

    /** Every reference with its result (null when not checked yet), in position order. */
    public void forEachRow(String jobId, StreamedReport.Sink<Row> each) throws IOException {
        forEachResult(jobId, "1 = 1", each);
    }

    private void forEachResult(String jobId, String condition, StreamedReport.Sink<Row> each) throws IOException {
        try {
            jdbi.useTransaction(h -> jdbc(() -> {
                try (PreparedStatement ps = h.getConnection().prepareStatement("SELECT sop_class_uid, sop_instance_uid, "
                        + "result, description FROM commitment_references WHERE job_id = ? AND " + condition
                        + " ORDER BY position")) {
                    ps.setString(1, jobId);
                    ps.setFetchSize(BATCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int r = rs.getInt(3);
                            Integer result = rs.wasNull() ? null : r;
                            each.accept(new Row(new SopReference(rs.getString(1), rs.getString(2)), result,
                                    rs.getString(4)));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One commitment of an instance, as {@code GET /instances/{id}/commitments} shows it. */
    public record LedgerEntry(String jobId, String transactionUid, String remoteAet, long committedAt) {}

    /** The commitments of the instance with this Orthanc ID, oldest first. */
    public List<LedgerEntry> ledger(String instancePublicId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT l.job_id, l.transaction_uid, l.remote_aet, l.committed_at "
                        + "FROM commitment_ledger l JOIN instances i ON i.id = l.instance_id WHERE i.public_id = :id "
                        + "ORDER BY l.id").bind("id", instancePublicId)
                .map((rs, ctx) -> new LedgerEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list());
    }
}
