package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.dicom.ScuException;
import dev.custodian.server.dicom.StoreOutcome;
import dev.custodian.server.index.Modalities;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Orthanc's {@code DicomModalityStore} job: C-STORE SCU (PS3.4 Annex B) of a list of instances to
 * a configured modality, a small batch per step on one association, through the same
 * {@link ModalityScu} as the synchronous route. Not permissive: the first failure fails the job
 * (a resubmit sends everything again); permissive: failures are counted and the job goes on.
 * The modality is looked up by name at every step, so a restart uses its current definition.
 */
public final class StoreJob implements Job {
    public static final String TYPE = "DicomModalityStore";

    private final ModalityScu scu;
    private final Modalities modalities;
    private final int batchSize;
    private final Request request;
    private int position;
    private final List<String> failures = new ArrayList<>();

    /** What to send where; {@code localAet} / {@code remoteAet} are shown in the job's Content. */
    public record Request(String modality, String localAet, String remoteAet, List<String> instances,
                          List<String> parentResources, boolean permissive, String description) {
        public Request {
            Objects.requireNonNull(modality, "modality");
            Objects.requireNonNull(localAet, "localAet");
            Objects.requireNonNull(remoteAet, "remoteAet");
            Objects.requireNonNull(description, "description");
            instances = List.copyOf(instances);
            parentResources = List.copyOf(parentResources);
        }
    }

    StoreJob(ModalityScu scu, Modalities modalities, int batchSize, Request request) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
        }
        this.scu = scu;
        this.modalities = modalities;
        this.batchSize = batchSize;
        this.request = Objects.requireNonNull(request, "request");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StepResult step(JobContext context) {
        List<String> all = request.instances();
        if (position >= all.size()) {
            return StepResult.success();
        }
        Optional<RemoteModality> m = modalities.get(request.modality());
        if (m.isEmpty()) {
            return StepResult.failure(JobError.inexistentItem("unknown modality " + request.modality()));
        }
        List<String> batch = all.subList(position, Math.min(all.size(), position + batchSize));
        try {
            StoreOutcome outcome = scu.store(m.get(), batch, request.permissive());
            failures.addAll(outcome.failures());
        } catch (ScuException e) {
            if (!request.permissive()) {
                return StepResult.failure(JobError.networkProtocol(e.getMessage()));
            }
            for (String id : batch) {
                failures.add("C-STORE of instance " + id + " failed: " + e.getMessage());
            }
        }
        position += batch.size();
        return position >= all.size() ? StepResult.success() : StepResult.proceed();
    }

    @Override
    public int progress() {
        int n = request.instances().size();
        return n == 0 ? 0 : (int) (100L * position / n);
    }

    @Override
    public ObjectNode content() {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("Description", request.description());
        c.put("FailedInstancesCount", failures.size());
        c.put("InstancesCount", request.instances().size());
        c.put("LocalAet", request.localAet());
        strings(c.putArray("ParentResources"), request.parentResources());
        c.put("RemoteAet", request.remoteAet());
        return c;
    }

    @Override
    public ObjectNode serialize() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("Modality", request.modality());
        s.put("LocalAet", request.localAet());
        s.put("RemoteAet", request.remoteAet());
        strings(s.putArray("Instances"), request.instances());
        strings(s.putArray("ParentResources"), request.parentResources());
        s.put("Permissive", request.permissive());
        s.put("Description", request.description());
        s.put("Position", position);
        strings(s.putArray("Failures"), failures);
        return s;
    }

    @Override
    public void reset() {
        position = 0;
        failures.clear();
    }

    /** Rebuilds a job saved by {@link #serialize()}. */
    static StoreJob restore(ModalityScu scu, Modalities modalities, int batchSize, JsonNode s) {
        Request request = new Request(text(s, "Modality"), text(s, "LocalAet"), text(s, "RemoteAet"),
                list(s, "Instances"), list(s, "ParentResources"), s.path("Permissive").asBoolean(false),
                text(s, "Description"));
        StoreJob job = new StoreJob(scu, modalities, batchSize, request);
        int position = s.path("Position").asInt(-1);
        if (position < 0 || position > request.instances().size()) {
            throw new IllegalArgumentException("saved Position out of range: " + s.path("Position"));
        }
        job.position = position;
        job.failures.addAll(list(s, "Failures"));
        return job;
    }

    private static String text(JsonNode s, String field) {
        JsonNode v = s.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("saved " + TYPE + " job lacks the string \"" + field + "\"");
        }
        return v.textValue();
    }

    private static List<String> list(JsonNode s, String field) {
        JsonNode v = s.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("saved " + TYPE + " job lacks the array \"" + field + "\"");
        }
        List<String> out = new ArrayList<>();
        v.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
