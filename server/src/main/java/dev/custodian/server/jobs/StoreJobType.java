package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.server.commit.scu.JobCommitment;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.index.Modalities;
import java.util.List;

/** Creates and restores {@link StoreJob}s ({@code DicomModalityStore}) over one SCU and modality list. */
public final class StoreJobType implements JobType {
    /** Instances per step (the association stays open across steps): short enough for pause and cancel to act soon. */
    public static final int DEFAULT_BATCH = 4;

    private final ModalityScu scu;
    private final Modalities modalities;
    private final int batchSize;
    private final JobCommitment commitment;

    public StoreJobType(ModalityScu scu, Modalities modalities, int batchSize) {
        this(scu, modalities, batchSize, null);
    }

    /** @param commitment the Storage Commitment step of jobs that ask for it (null: such jobs are refused) */
    public StoreJobType(ModalityScu scu, Modalities modalities, int batchSize, JobCommitment commitment) {
        this.commitment = commitment;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
        }
        this.scu = scu;
        this.modalities = modalities;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return StoreJob.TYPE;
    }

    @Override
    public Job restore(JsonNode state) {
        return StoreJob.restore(scu::store, modalities, batchSize, state, commitment);
    }

    /** A new job sending {@code instances} to the modality named {@code modality}, as the REST API asks. */
    public Job create(String modality, RemoteModality m, List<String> instances, List<String> parentResources,
                      boolean permissive) {
        return create(modality, m, instances, parentResources, permissive, false, false);
    }

    /**
     * The same, followed by a Storage Commitment request for the instances ({@code storageCommitment})
     * and, with {@code releaseAfterCommitment}, the deletion of the local copies the remote commits.
     */
    public Job create(String modality, RemoteModality m, List<String> instances, List<String> parentResources,
                      boolean permissive, boolean storageCommitment, boolean releaseAfterCommitment) {
        StoreJobCommitment step = null;
        if (storageCommitment || releaseAfterCommitment) {
            if (commitment == null) {
                throw new IllegalStateException("Storage Commitment is not available to store jobs");
            }
            step = new StoreJobCommitment(commitment, releaseAfterCommitment, commitment.newUid());
        }
        return new StoreJob(scu::store, modalities, batchSize, new StoreJob.Request(modality, scu.localAet(m), m.aet(),
                instances, parentResources, permissive, "REST API"), step);
    }
}
