package dev.custodian.server.index;

import dev.custodian.server.store.StorageFullException;
import dev.custodian.server.store.StoredFile;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The archive's index of patients, studies, series and instances. Each write is one database
 * transaction; the caller deletes files only after it returns (see {@link Archive}).
 * Duplicates are detected by SOP Instance UID, which PS3.3 §C.12.1.1.1 makes globally unique.
 */
public final class Index {
    private final IndexDatabase db;
    private final Clock clock;
    private final long maximumStorageBytes;

    /** @param maximumStorageBytes {@code MaximumStorageSize} in bytes, 0 = unlimited */
    public Index(IndexDatabase db, Clock clock, long maximumStorageBytes) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maximumStorageBytes < 0) {
            throw new IllegalArgumentException("maximum storage must be >= 0");
        }
        this.maximumStorageBytes = maximumStorageBytes;
    }

    public IndexDatabase database() {
        return db;
    }

    /**
     * Records a stored file as an instance, creating or reusing its patient, study and series, in
     * one transaction. When the SOP Instance UID is already indexed: with {@code overwrite} the
     * old instance is replaced ({@link StoreResult#replacedFileUuid()} names its file), without
     * it nothing changes and the status is {@code ALREADY_STORED}.
     *
     * @throws StorageFullException when the new total would exceed {@code MaximumStorageSize}
     */
    public StoreResult storeInstance(InstanceAttributes a, StoredFile file, Reception reception, boolean overwrite)
            throws StorageFullException {
        return write(h -> {
            Optional<Map<String, Object>> existing =
                    HierarchySql.row(h, ResourceLevel.INSTANCE, "sop_instance_uid", a.sopInstanceUid());
            long freed = 0;
            String replaced = null;
            if (existing.isPresent()) {
                Map<String, Object> old = existing.get();
                if (!overwrite) {
                    Resource kept = HierarchySql.toResource(h, ResourceLevel.INSTANCE, old);
                    return alreadyStored(h, kept);
                }
                replaced = (String) old.get("file_uuid");
                freed = ((Number) old.get("file_size")).longValue();
                HierarchySql.deleteCascading(h, ResourceLevel.INSTANCE, ((Number) old.get("id")).longValue());
            }
            checkQuota(h, file.size() - freed);
            Instant now = clock.instant();
            long patient = HierarchySql.ensure(h, ResourceLevel.PATIENT, a, null, now);
            long study = HierarchySql.ensure(h, ResourceLevel.STUDY, a, patient, now);
            long series = HierarchySql.ensure(h, ResourceLevel.SERIES, a, study, now);
            HierarchySql.insertInstance(h, a, series, file, reception);
            return new StoreResult(StoreResult.Status.SUCCESS, a.publicId(ResourceLevel.INSTANCE),
                    a.publicId(ResourceLevel.SERIES), a.publicId(ResourceLevel.STUDY),
                    a.publicId(ResourceLevel.PATIENT), replaced);
        });
    }

    private static StoreResult alreadyStored(Handle h, Resource kept) {
        Resource series = find(h, ResourceLevel.SERIES, kept.parentId()).orElseThrow();
        Resource study = find(h, ResourceLevel.STUDY, series.parentId()).orElseThrow();
        return new StoreResult(StoreResult.Status.ALREADY_STORED, kept.id(), series.id(), study.id(),
                study.parentId(), null);
    }

    private void checkQuota(Handle h, long growth) throws StorageFullException {
        if (maximumStorageBytes == 0 || growth <= 0) {
            return;
        }
        long total = h.createQuery("SELECT COALESCE(SUM(file_size), 0) FROM instances").mapTo(Long.class).one();
        if (total + growth > maximumStorageBytes) {
            throw new StorageFullException("MaximumStorageSize reached: " + total + " bytes stored, "
                    + growth + " more would exceed the limit of " + maximumStorageBytes);
        }
    }

    public Optional<Resource> find(ResourceLevel level, String publicId) {
        return db.jdbi().withHandle(h -> find(h, level, publicId));
    }

    /**
     * The main DICOM tags of one resource, without its parent and children (one query): what a
     * study's {@code PatientMainDicomTags} needs, where loading the patient would list all its studies.
     */
    public Optional<Map<MainDicomTag, String>> mainDicomTags(ResourceLevel level, String publicId) {
        return db.jdbi().withHandle(h -> HierarchySql.row(h, level, "public_id", publicId)
                .map(row -> HierarchySql.tags(level, row)));
    }

    private static Optional<Resource> find(Handle h, ResourceLevel level, String publicId) {
        return HierarchySql.row(h, level, "public_id", publicId).map(row -> HierarchySql.toResource(h, level, row));
    }

    /** The instance with this SOP Instance UID, if indexed (what a commitment request names). */
    public Optional<Resource> findInstanceBySopInstanceUid(String sopInstanceUid) {
        return db.jdbi().withHandle(h -> HierarchySql.row(h, ResourceLevel.INSTANCE, "sop_instance_uid", sopInstanceUid)
                .map(row -> HierarchySql.toResource(h, ResourceLevel.INSTANCE, row)));
    }

    /**
     * Those of {@code sopInstanceUids} that the last storage verification found missing or damaged
     * ({@link Verifications}): a Storage Commitment check fails them (0110H) whatever it sees itself.
     */
    public java.util.Set<String> markedDamaged(java.util.Collection<String> sopInstanceUids) {
        return new Verifications(db, clock).markedDamaged(sopInstanceUids);
    }

    /**
     * The indexed instances among {@code sopInstanceUids} (at most a few thousand), by SOP
     * Instance UID, in one query: what a Storage Commitment check looks up per batch.
     */
    public Map<String, IndexedInstance> instancesBySopInstanceUid(java.util.Collection<String> sopInstanceUids) {
        Map<String, IndexedInstance> found = new java.util.HashMap<>();
        if (sopInstanceUids.isEmpty()) {
            return found;
        }
        List<String> uids = List.copyOf(sopInstanceUids);
        String sql = "SELECT sop_instance_uid, sop_class_uid, public_id, file_uuid, file_size, file_sha256 FROM instances "
                + "WHERE sop_instance_uid IN (" + "?,".repeat(uids.size() - 1) + "?)";
        db.jdbi().useHandle(h -> {
            try (java.sql.PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < uids.size(); i++) {
                    ps.setString(i + 1, uids.get(i));
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new IndexedInstance(rs.getString(1), rs.getString(2),
                                rs.getString(3), new StoredFile(rs.getString(4), rs.getLong(5), rs.getString(6))));
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
            }
        });
        return found;
    }

    /** True when an instance row refers to this storage file. */
    public boolean isFileReferenced(String fileUuid) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM instances WHERE file_uuid = :u")
                .bind("u", fileUuid).mapTo(Long.class).one() > 0);
    }

    /** Public identifiers in order of creation, skipping {@code since}, at most {@code limit} (0: all). */
    public List<String> list(ResourceLevel level, long since, long limit) {
        if (since < 0 || limit < 0) {
            throw new IllegalArgumentException("since and limit must be >= 0");
        }
        long max = limit == 0 ? Integer.MAX_VALUE : limit;
        return db.jdbi().withHandle(h -> h.createQuery("SELECT public_id FROM " + level.table()
                        + " ORDER BY id LIMIT :limit OFFSET :since")
                .bind("limit", max).bind("since", since).mapTo(String.class).list());
    }

    /** Deletes a resource and everything below it unless it holds committed instances; empty if it does not exist. */
    public Optional<DeleteResult> delete(ResourceLevel level, String publicId) {
        return delete(level, publicId, false);
    }

    /**
     * Deletes a resource and everything below it; empty if it does not exist.
     *
     * @param force delete even instances in the commitment ledger
     * @throws CommittedInstancesException without {@code force}, when instances below are committed
     */
    public Optional<DeleteResult> delete(ResourceLevel level, String publicId, boolean force) {
        return write(h -> {
            Optional<Long> pk = HierarchySql.primaryKey(h, level, publicId);
            if (pk.isEmpty()) {
                return Optional.<DeleteResult>empty();
            }
            long committed = HierarchySql.committedBelow(h, level, pk.get());
            if (committed > 0 && !force) {
                throw new CommittedInstancesException(level, publicId, committed);
            }
            List<String> files = HierarchySql.filesBelow(h, level, pk.get());
            Optional<Map.Entry<ResourceLevel, String>> remaining = HierarchySql.deleteCascading(h, level, pk.get());
            return Optional.of(new DeleteResult(files, remaining.map(Map.Entry::getKey).orElse(null),
                    remaining.map(Map.Entry::getValue).orElse(null), committed));
        });
    }

    public Statistics statistics() {
        return db.jdbi().inTransaction(h -> new Statistics(
                count(h, "patients"), count(h, "studies"), count(h, "series"), count(h, "instances"),
                h.createQuery("SELECT COALESCE(SUM(file_size), 0) FROM instances").mapTo(Long.class).one()));
    }

    private static long count(Handle h, String table) {
        return h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
    }

    /** Modalities added at run time: name → Orthanc-style JSON definition, in name order. */
    public Map<String, String> modalityDefinitions() {
        return db.jdbi().withHandle(h -> {
            Map<String, String> result = new LinkedHashMap<>();
            h.createQuery("SELECT name, definition FROM modalities ORDER BY name").mapToMap()
                    .forEach(row -> result.put((String) row.get("name"), (String) row.get("definition")));
            return result;
        });
    }

    public void putModality(String name, String definitionJson) {
        write(h -> h.createUpdate("INSERT INTO modalities (name, definition) VALUES (:n, :d)"
                        + " ON CONFLICT (name) DO UPDATE SET definition = excluded.definition")
                .bind("n", name).bind("d", definitionJson).execute());
    }

    public boolean deleteModality(String name) {
        return write(h -> h.createUpdate("DELETE FROM modalities WHERE name = :n").bind("n", name).execute()) > 0;
    }

    /** One write transaction, committed with those of concurrent writers (see {@link GroupCommit}). */
    private <R, X extends Exception> R write(HandleCallback<R, X> work) throws X {
        return db.writer().write(work);
    }
}
