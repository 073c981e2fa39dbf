package dev.custodian.server.index;

import dev.custodian.server.store.PendingFile;
import dev.custodian.server.store.StorageArea;
import dev.custodian.server.store.StoredFile;
import dev.custodian.server.store.VerifyResult;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage area and the index used together, in the order that keeps them consistent:
 * a file is durable before the index refers to it, and is deleted only after the index
 * transaction that forgot it has committed. This is the entry point of the ingest flow
 * (C-STORE SCP, REST upload) and of deletions.
 */
public final class Archive {
    private static final Logger LOG = LoggerFactory.getLogger(Archive.class);

    private final StorageArea storage;
    private final Index index;
    private final boolean overwriteInstances;

    public Archive(StorageArea storage, Index index, boolean overwriteInstances) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.index = Objects.requireNonNull(index, "index");
        this.overwriteInstances = overwriteInstances;
    }

    public Index index() {
        return index;
    }

    public StorageArea storage() {
        return storage;
    }

    /** Starts receiving an instance: write the Part 10 file to the result's output. */
    public PendingFile begin() throws IOException {
        return storage.begin();
    }

    /**
     * Makes the received file durable and indexes it. On any failure neither the file nor a row
     * remains, and the exception propagates ({@link dev.custodian.server.store.StorageFullException}
     * for "out of resources"). A duplicate kept as it was ({@code ALREADY_STORED}) leaves our new
     * copy deleted; an overwrite deletes the replaced copy. When the database went away under the
     * write, its COMMIT may have been carried out with the answer lost: if a row now refers to the
     * file, this is a Success; if the database cannot tell yet, the file is kept and the failure
     * propagates.
     */
    public StoreResult commit(PendingFile pending, InstanceAttributes attributes, Reception reception)
            throws IOException {
        StoredFile file = pending.commit();
        StoreResult result;
        try {
            result = index.storeInstance(attributes, file, reception, overwriteInstances);
        } catch (IOException | RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                deleteQuietly(file.uuid());
                throw e;
            }
            // the connection went away: the COMMIT may have been carried out, its answer lost
            Boolean referenced = referencedAfterLostAnswer(file, attributes, e);
            if (!Boolean.TRUE.equals(referenced)) {
                if (referenced != null) {
                    deleteQuietly(file.uuid());
                }
                throw e;
            }
            LOG.info("instance {}: indexed although the database's answer was lost ({})", attributes.sopInstanceUid(),
                    DatabaseFailures.describe(e));
            return new StoreResult(StoreResult.Status.SUCCESS, attributes.publicId(ResourceLevel.INSTANCE),
                    attributes.publicId(ResourceLevel.SERIES), attributes.publicId(ResourceLevel.STUDY),
                    attributes.publicId(ResourceLevel.PATIENT), null);
        }
        if (result.status() == StoreResult.Status.ALREADY_STORED) {
            deleteQuietly(file.uuid());
        } else if (result.replacedFileUuid() != null) {
            deleteQuietly(result.replacedFileUuid());
        }
        return result;
    }

    /**
     * Whether an index row refers to {@code file} after its write failed with the database
     * unavailable; null when the database cannot say yet (the file is then kept: deleting a file
     * a committed row refers to would lose an instance, keeping one that none does only wastes
     * its space; the crash recovery's scan may index it again).
     */
    private Boolean referencedAfterLostAnswer(StoredFile file, InstanceAttributes attributes, Exception failure) {
        try {
            return index.isFileReferenced(file.uuid());
        } catch (RuntimeException e) {
            // INFO: the caller's failure is the one WARN line of this store
            LOG.info("file {} of instance {} kept: the index database cannot tell yet whether its row committed ({})",
                    file.uuid(), attributes.sopInstanceUid(), DatabaseFailures.describe(failure));
            return null;
        }
    }

    /** Stores a complete file given as a stream (REST upload). */
    public StoreResult store(InputStream content, InstanceAttributes attributes, Reception reception)
            throws IOException {
        try (PendingFile pending = begin()) {
            content.transferTo(pending.output());
            return commit(pending, attributes, reception);
        }
    }

    /** Deletes a resource, its descendants and their files; empty when it does not exist. */
    public Optional<DeleteResult> delete(ResourceLevel level, String publicId) {
        return delete(level, publicId, false);
    }

    /**
     * As {@link #delete(ResourceLevel, String)}; with {@code force}, instances in the commitment
     * ledger go too (one WARN line says how many).
     *
     * @throws CommittedInstancesException without {@code force}, when committed instances are below
     */
    public Optional<DeleteResult> delete(ResourceLevel level, String publicId, boolean force) {
        Optional<DeleteResult> result = index.delete(level, publicId, force);
        result.ifPresent(r -> {
            if (r.committedInstances() > 0) {
                LOG.warn("forced deletion of {} {}: {} instance(s) committed by Storage Commitment removed",
                        level.orthancName(), publicId, r.committedInstances());
            }
            r.fileUuids().forEach(this::deleteQuietly);
        });
        return result;
    }

    /** The bytes of an indexed instance. */
    public Optional<InputStream> openInstance(String instanceId) throws IOException {
        Optional<Resource> instance = index.find(ResourceLevel.INSTANCE, instanceId);
        if (instance.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(storage.open(instance.get().file().file().uuid()));
    }

    /** Checks that an indexed instance's file is present with its recorded size and checksum. */
    public VerifyResult verify(Resource instance) throws IOException {
        if (instance.file() == null) {
            throw new IllegalArgumentException("not an instance: " + instance.level());
        }
        return storage.verify(instance.file().file());
    }

    /**
     * Deletes stored files that no instance refers to: left by a crash between the rename of a
     * file and the commit of its index transaction. Only files older than {@code modifiedBefore}
     * are considered, so that an ingest in flight (here or on another node sharing the storage)
     * is never touched. Stops early when the thread is interrupted. Returns how many went.
     */
    public long removeUnindexedFiles(Instant modifiedBefore) throws IOException {
        long[] removed = {0};
        storage.forEachFile(modifiedBefore, uuid -> {
            if (!Thread.currentThread().isInterrupted() && !index.isFileReferenced(uuid)) {
                deleteQuietly(uuid);
                removed[0]++;
            }
        });
        return removed[0];
    }

    /** Files no longer referenced by the index: failure to delete one only wastes space. */
    private void deleteQuietly(String uuid) {
        try {
            storage.delete(uuid);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete unreferenced file {}: {}", uuid, e.toString());
        }
    }
}
