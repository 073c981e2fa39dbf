package dev.custodian.server.index;

import dev.custodian.server.store.StoredFile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The index side of storage verification (tables {@code damaged_instances} and {@code
 * verification_findings}, migration V8): the instances a scope covers, read in batches by row
 * order; the outcome of checking them (a damaged or missing file marks the instance, an intact one
 * clears its mark, and the job's findings are kept as its output); and the question a Storage
 * Commitment check asks: is this instance marked damaged?
 */
public final class Verifications {
    /** What is wrong with an instance's file. */
    public enum Problem { MISSING, CORRUPTED }

    /** The instances below one resource (or all, {@code level} null). */
    public record Scope(ResourceLevel level, String publicId) {
        public static final Scope ALL = new Scope(null, null);

        public Scope {
            if ((level == null) != (publicId == null)) {
                throw new IllegalArgumentException("a scope has both a level and an ID, or neither");
            }
        }
    }

    /** One instance to check: its row, identifiers and the file as recorded. */
    public record Target(long row, String publicId, String sopInstanceUid, StoredFile file) {
        public Target {
            Objects.requireNonNull(publicId, "publicId");
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
            Objects.requireNonNull(file, "file");
        }
    }

    /** The result for one target: {@code problem} null = intact. */
    public record Outcome(Target target, Problem problem, String detail) {
        public Outcome {
            Objects.requireNonNull(target, "target");
            detail = detail == null ? "" : detail;
        }
    }

    /** A row of a job's findings. */
    public record Finding(String instanceId, String sopInstanceUid, Problem problem, String detail, Instant foundAt) {}

    private static final String TARGET_COLUMNS =
            "SELECT i.id, i.public_id, i.sop_instance_uid, i.file_uuid, i.file_size, i.file_sha256 FROM instances i ";

    private final IndexDatabase db;
    private final Clock clock;

    public Verifications(IndexDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Up to {@code limit} instances of {@code scope} with a row number above {@code afterRow}, in row order. */
    public List<Target> next(Scope scope, long afterRow, int limit) {
        return db.jdbi().withHandle(h -> scoped(h.createQuery(TARGET_COLUMNS + join(scope) + " WHERE i.id > :after"
                        + filter(scope) + " ORDER BY i.id LIMIT :limit"), scope)
                .bind("after", afterRow).bind("limit", limit)
                .map((rs, ctx) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3),
                        new StoredFile(rs.getString(4), rs.getLong(5), rs.getString(6))))
                .list());
    }

    /** How many instances {@code scope} covers now. */
    public long count(Scope scope) {
        return db.jdbi().withHandle(h -> scoped(h.createQuery("SELECT COUNT(*) FROM instances i " + join(scope)
                + " WHERE 1 = 1" + filter(scope)), scope).mapTo(Long.class).one());
    }

    private static Query scoped(Query q, Scope scope) {
        return scope.level() == null ? q : q.bind("scope", scope.publicId());
    }

    /** Whether the resource a scope names exists. */
    public boolean exists(Scope scope) {
        return scope.level() == null || db.jdbi().withHandle(h ->
                HierarchySql.primaryKey(h, scope.level(), scope.publicId())).isPresent();
    }

    private static String join(Scope scope) {
        if (scope.level() == null || scope.level() == ResourceLevel.INSTANCE) {
            return "";
        }
        StringBuilder sql = new StringBuilder("JOIN series se ON i.parent_id = se.id ");
        if (scope.level().ordinal() <= ResourceLevel.STUDY.ordinal()) {
            sql.append("JOIN studies st ON se.parent_id = st.id ");
        }
        if (scope.level() == ResourceLevel.PATIENT) {
            sql.append("JOIN patients pa ON st.parent_id = pa.id ");
        }
        return sql.toString();
    }

    private static String filter(Scope scope) {
        if (scope.level() == null) {
            return "";
        }
        return switch (scope.level()) {
            case INSTANCE -> " AND i.public_id = :scope";
            case SERIES -> " AND se.public_id = :scope";
            case STUDY -> " AND st.public_id = :scope";
            case PATIENT -> " AND pa.public_id = :scope";
        };
    }

    /**
     * Records what job {@code jobId} found, in one transaction: intact instances lose their mark;
     * missing or damaged ones are marked and added to the job's findings (again, if a resumed job
     * checks them twice). An instance deleted meanwhile is skipped.
     */
    public void record(String jobId, List<Outcome> outcomes) {
        String now = clock.instant().toString();
        db.writer().write(h -> {
            for (Outcome o : outcomes) {
                if (o.problem() == null) {
                    h.createUpdate("DELETE FROM damaged_instances WHERE instance_id = :row")
                            .bind("row", o.target().row()).execute();
                } else if (stillIndexed(h, o.target())) {
                    mark(h, jobId, o, now);
                }
            }
            return null;
        });
    }

    private static boolean stillIndexed(Handle h, Target t) {
        return h.createQuery("SELECT COUNT(*) FROM instances WHERE id = :row AND file_uuid = :file")
                .bind("row", t.row()).bind("file", t.file().uuid()).mapTo(Long.class).one() > 0;
    }

    private static void mark(Handle h, String jobId, Outcome o, String now) {
        h.createUpdate("INSERT INTO damaged_instances (instance_id, problem, detected_at, job_id)"
                        + " VALUES (:row, :problem, :now, :job) ON CONFLICT (instance_id) DO UPDATE SET"
                        + " problem = excluded.problem, detected_at = excluded.detected_at, job_id = excluded.job_id")
                .bind("row", o.target().row()).bind("problem", o.problem().name()).bind("now", now)
                .bind("job", jobId).execute();
        h.createUpdate("INSERT INTO verification_findings (job_id, instance_public_id, sop_instance_uid, problem,"
                        + " detail, found_at) VALUES (:job, :id, :uid, :problem, :detail, :now)"
                        + " ON CONFLICT (job_id, instance_public_id) DO UPDATE SET problem = excluded.problem,"
                        + " detail = excluded.detail, found_at = excluded.found_at")
                .bind("job", jobId).bind("id", o.target().publicId()).bind("uid", o.target().sopInstanceUid())
                .bind("problem", o.problem().name()).bind("detail", o.detail()).bind("now", now).execute();
    }

    /** What job {@code jobId} found missing or damaged, in the order it found them. */
    public List<Finding> findings(String jobId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT instance_public_id, sop_instance_uid, problem, detail,"
                        + " found_at FROM verification_findings WHERE job_id = :job ORDER BY found_at, instance_public_id")
                .bind("job", jobId)
                .map((rs, ctx) -> new Finding(rs.getString(1), rs.getString(2), Problem.valueOf(rs.getString(3)),
                        rs.getString(4), Instant.parse(rs.getString(5))))
                .list());
    }

    /** True when the instance with this SOP Instance UID is marked missing or damaged. */
    public boolean isMarkedDamaged(String sopInstanceUid) {
        return !markedDamaged(List.of(sopInstanceUid)).isEmpty();
    }

    /** Those of {@code sopInstanceUids} whose instance is marked missing or damaged (one query per 500). */
    public Set<String> markedDamaged(Collection<String> sopInstanceUids) {
        Set<String> marked = new HashSet<>();
        List<String> all = new ArrayList<>(sopInstanceUids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 500));
            marked.addAll(db.jdbi().withHandle(h -> h.createQuery("SELECT i.sop_instance_uid FROM instances i"
                            + " JOIN damaged_instances d ON d.instance_id = i.id WHERE i.sop_instance_uid IN (<uids>)")
                    .bindList("uids", part).mapTo(String.class).list()));
        }
        return marked;
    }
}
