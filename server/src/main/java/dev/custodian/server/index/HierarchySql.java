package dev.custodian.server.index;

import dev.custodian.server.store.StoredFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The SQL of the resource hierarchy, run on a handle the caller owns (and has in a
 * transaction). Every level has the same shape: {@code id, public_id, parent_id, <tag columns>,
 * last_update}; instances add their file and reception columns. Table and column names come
 * from {@link ResourceLevel} and {@link MainDicomTag}, never from input.
 */
final class HierarchySql {
    private HierarchySql() {}

    /** Finds or creates the row of {@code level} for these attributes; returns its primary key. */
    static long ensure(Handle h, ResourceLevel level, InstanceAttributes a, Long parentPk, Instant now) {
        String publicId = a.publicId(level);
        // one statement when the row exists (the usual case: the next instance of a series)
        Optional<Long> existing = h.createQuery("UPDATE " + level.table() + " SET last_update = :now"
                        + " WHERE public_id = :p RETURNING id")
                .bind("now", now.toString()).bind("p", publicId).mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        List<MainDicomTag> tags = MainDicomTag.of(level);
        String columns = tags.stream().map(MainDicomTag::column).collect(Collectors.joining(", "));
        String values = tags.stream().map(t -> ":" + t.column()).collect(Collectors.joining(", "));
        String parentColumn = parentPk == null ? "" : "parent_id, ";
        String parentValue = parentPk == null ? "" : ":parent, ";
        Update insert = h.createUpdate("INSERT INTO " + level.table() + " (public_id, " + parentColumn + columns
                + ", last_update) VALUES (:publicId, " + parentValue + values + ", :now)"
                + " ON CONFLICT (public_id) DO NOTHING");
        insert.bind("publicId", publicId).bind("now", now.toString());
        if (parentPk != null) {
            insert.bind("parent", parentPk);
        }
        tags.forEach(t -> insert.bind(t.column(), a.get(t)));
        insert.execute();
        return primaryKey(h, level, publicId)
                .orElseThrow(() -> new IllegalStateException(level + " " + publicId + " vanished during insert"));
    }

    static void insertInstance(Handle h, InstanceAttributes a, long seriesPk, StoredFile file, Reception r) {
        List<MainDicomTag> tags = MainDicomTag.of(ResourceLevel.INSTANCE);
        String columns = tags.stream().map(MainDicomTag::column).collect(Collectors.joining(", "));
        String values = tags.stream().map(t -> ":" + t.column()).collect(Collectors.joining(", "));
        Update insert = h.createUpdate("INSERT INTO instances (public_id, parent_id, " + columns
                + ", file_uuid, file_size, file_sha256, origin, remote_aet, remote_ip, called_aet, reception_date,"
                + " last_update) VALUES (:publicId, :parent, " + values
                + ", :uuid, :size, :sha, :origin, :aet, :ip, :called, :received, :received)");
        tags.forEach(t -> insert.bind(t.column(), a.get(t)));
        insert.bind("publicId", a.publicId(ResourceLevel.INSTANCE)).bind("parent", seriesPk)
                .bind("uuid", file.uuid()).bind("size", file.size()).bind("sha", file.sha256())
                .bind("origin", r.origin()).bind("aet", r.remoteAet()).bind("ip", r.remoteIp())
                .bind("called", r.calledAet()).bind("received", r.receivedAt().toString())
                .execute();
    }

    static Optional<Long> primaryKey(Handle h, ResourceLevel level, String publicId) {
        return h.createQuery("SELECT id FROM " + level.table() + " WHERE public_id = :p")
                .bind("p", publicId).mapTo(Long.class).findOne();
    }

    static Optional<Map<String, Object>> row(Handle h, ResourceLevel level, String column, Object value) {
        return h.createQuery("SELECT * FROM " + level.table() + " WHERE " + column + " = :v")
                .bind("v", value).mapToMap().findOne();
    }

    /** File identifiers of every instance at or below the resource with primary key {@code pk}. */
    static List<String> filesBelow(Handle h, ResourceLevel level, long pk) {
        String sql = switch (level) {
            case INSTANCE -> "SELECT file_uuid FROM instances WHERE id = :pk";
            case SERIES -> "SELECT file_uuid FROM instances WHERE parent_id = :pk";
            case STUDY -> "SELECT i.file_uuid FROM instances i JOIN series s ON i.parent_id = s.id"
                    + " WHERE s.parent_id = :pk";
            case PATIENT -> "SELECT i.file_uuid FROM instances i JOIN series s ON i.parent_id = s.id"
                    + " JOIN studies st ON s.parent_id = st.id WHERE st.parent_id = :pk";
        };
        return h.createQuery(sql).bind("pk", pk).mapTo(String.class).list();
    }

    /** How many instances below the resource are in the commitment ledger (migration V6). */
    static long committedBelow(Handle h, ResourceLevel level, long pk) {
        String from = "SELECT COUNT(DISTINCT l.instance_id) FROM commitment_ledger l JOIN instances i ON l.instance_id = i.id";
        String sql = switch (level) {
            case INSTANCE -> from + " WHERE i.id = :pk";
            case SERIES -> from + " WHERE i.parent_id = :pk";
            case STUDY -> from + " JOIN series s ON i.parent_id = s.id WHERE s.parent_id = :pk";
            case PATIENT -> from + " JOIN series s ON i.parent_id = s.id JOIN studies st ON s.parent_id = st.id"
                    + " WHERE st.parent_id = :pk";
        };
        return h.createQuery(sql).bind("pk", pk).mapTo(Long.class).one();
    }

    /**
     * Deletes the resource (its descendants go by ON DELETE CASCADE) and then every ancestor
     * left without children, as Orthanc does. Returns the nearest remaining ancestor, if any.
     */
    static Optional<Map.Entry<ResourceLevel, String>> deleteCascading(Handle h, ResourceLevel level, long pk) {
        Long parentPk = level == ResourceLevel.PATIENT ? null
                : h.createQuery("SELECT parent_id FROM " + level.table() + " WHERE id = :pk")
                        .bind("pk", pk).mapTo(Long.class).one();
        h.createUpdate("DELETE FROM " + level.table() + " WHERE id = :pk").bind("pk", pk).execute();
        ResourceLevel parentLevel = level.parent();
        while (parentLevel != null) {
            long children = h.createQuery("SELECT COUNT(*) FROM " + parentLevel.child().table()
                    + " WHERE parent_id = :pk").bind("pk", parentPk).mapTo(Long.class).one();
            if (children > 0) {
                String publicId = h.createQuery("SELECT public_id FROM " + parentLevel.table() + " WHERE id = :pk")
                        .bind("pk", parentPk).mapTo(String.class).one();
                return Optional.of(Map.entry(parentLevel, publicId));
            }
            Long grandParent = parentLevel == ResourceLevel.PATIENT ? null
                    : h.createQuery("SELECT parent_id FROM " + parentLevel.table() + " WHERE id = :pk")
                            .bind("pk", parentPk).mapTo(Long.class).one();
            h.createUpdate("DELETE FROM " + parentLevel.table() + " WHERE id = :pk").bind("pk", parentPk).execute();
            parentPk = grandParent;
            parentLevel = parentLevel.parent();
        }
        return Optional.empty();
    }

    /** Builds the {@link Resource} of a row read by {@link #row}. */
    /** The main DICOM tags a row of {@code level} holds. */
    static Map<MainDicomTag, String> tags(ResourceLevel level, Map<String, Object> row) {
        Map<MainDicomTag, String> tags = new EnumMap<>(MainDicomTag.class);
        for (MainDicomTag t : MainDicomTag.of(level)) {
            Object v = row.get(t.column());
            if (v != null) {
                tags.put(t, v.toString());
            }
        }
        return tags;
    }

    static Resource toResource(Handle h, ResourceLevel level, Map<String, Object> row) {
        long pk = ((Number) row.get("id")).longValue();
        Map<MainDicomTag, String> tags = tags(level, row);
        String parentId = null;
        if (level != ResourceLevel.PATIENT) {
            parentId = h.createQuery("SELECT public_id FROM " + level.parent().table() + " WHERE id = :pk")
                    .bind("pk", ((Number) row.get("parent_id")).longValue()).mapTo(String.class).one();
        }
        List<String> children = new ArrayList<>();
        if (level != ResourceLevel.INSTANCE) {
            children = h.createQuery("SELECT public_id FROM " + level.child().table()
                    + " WHERE parent_id = :pk ORDER BY id").bind("pk", pk).mapTo(String.class).list();
        }
        InstanceFile file = null;
        if (level == ResourceLevel.INSTANCE) {
            file = new InstanceFile(
                    new StoredFile((String) row.get("file_uuid"), ((Number) row.get("file_size")).longValue(),
                            (String) row.get("file_sha256")),
                    new Reception((String) row.get("origin"), (String) row.get("remote_aet"),
                            (String) row.get("remote_ip"), (String) row.get("called_aet"),
                            Instant.parse((String) row.get("reception_date"))));
        }
        return new Resource(level, (String) row.get("public_id"), parentId, tags,
                Instant.parse((String) row.get("last_update")), children, file);
    }
}
