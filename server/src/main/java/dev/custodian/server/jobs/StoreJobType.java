package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
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

    public StoreJobType(ModalityScu scu, Modalities modalities, int batchSize) {
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
        return StoreJob.restore(scu::store, modalities, batchSize, state);
    }

    /** A new job sending {@code instances} to the modality named {@code modality}, as the REST API asks. */
    public Job create(String modality, RemoteModality m, List<String> instances, List<String> parentResources,
                      boolean permissive) {
        return new StoreJob(scu::store, modalities, batchSize, new StoreJob.Request(modality, scu.localAet(m), m.aet(),
                instances, parentResources, permissive, "REST API"));
    }
}
