package dev.custodian.server.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.server.index.Verifications;
import dev.custodian.server.jobs.Job;
import dev.custodian.server.jobs.JobType;
import dev.custodian.server.store.StorageArea;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates and restores {@code StorageVerification} jobs; their {@code report} output lists what a
 * job found missing or damaged.
 */
public final class StorageVerificationJobType implements JobType {
    /** Instances per step: a pause or cancel acts within one batch. */
    public static final int DEFAULT_BATCH = 32;
    public static final String REPORT = "report";

    private final Verifications verifications;
    private final FileCheck check;
    private final Supplier<Throttle> throttles;
    private final int batchSize;

    /** @param bytesPerSecond the read rate each job keeps to (0 = unlimited) */
    public StorageVerificationJobType(Verifications verifications, StorageArea storage, long bytesPerSecond,
                                      int batchSize) {
        this.verifications = verifications;
        this.check = new FileCheck(storage);
        this.throttles = () -> Throttle.of(bytesPerSecond);
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return StorageVerificationJob.TYPE;
    }

    @Override
    public Job restore(JsonNode state) {
        return StorageVerificationJob.restore(verifications, check, throttles, batchSize, state);
    }

    /** A new job verifying {@code scope}; empty when the resource it names does not exist. */
    public Optional<Job> create(Verifications.Scope scope, String description) {
        if (!verifications.exists(scope)) {
            return Optional.empty();
        }
        return Optional.of(new StorageVerificationJob(verifications, check, throttles, batchSize, scope, description,
                verifications.count(scope)));
    }

    /** The {@code report} output of job {@code jobId}: {@code {"Instances": [...]}}, what it found missing or damaged. */
    public JsonNode report(String jobId) {
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        ArrayNode instances = report.putArray("Instances");
        for (Verifications.Finding f : verifications.findings(jobId)) {
            instances.addObject()
                    .put("ID", f.instanceId())
                    .put("SOPInstanceUID", f.sopInstanceUid())
                    .put("Problem", f.problem() == Verifications.Problem.MISSING ? "Missing" : "Damaged")
                    .put("Detail", f.detail())
                    .put("Time", f.foundAt().toString());
        }
        return report;
    }
}
