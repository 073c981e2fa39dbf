package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.dicom.HeldAssociation;
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
 * a configured modality, a small batch per step, through the same {@link ModalityScu} as the
 * synchronous route. One association is kept open from step to step while the job runs (as Orthanc
 * sends a job's instances): opened at the first step, proposing the SOP classes / transfer syntaxes
 * of the next {@value #LOOKAHEAD} instances, replaced when a later instance needs a context it did
 * not propose or when it broke, and released when the job succeeds or fails and, through {@link
 * #close()}, when it is paused, cancelled, retried, taken over or the engine stops. Not permissive: the first failure fails the job
 * (a resubmit sends everything again) and its Progress counts the instances stored before it;
 * permissive: failures are counted and the job goes on.
 * The modality is looked up by name at every step, so a restart uses its current definition.
 */
public final class StoreJob implements Job {
    public static final String TYPE = "DicomModalityStore";
    /** How many of the next instances the association's proposal covers (their headers are read). */
    static final int LOOKAHEAD = 256;

    private final Sender sender;
    private final Modalities modalities;
    private final int batchSize;
    private final Request request;
    private int position;
    private final List<String> failures = new ArrayList<>();
    /** The association kept open from one step to the next while this object runs. */
    private final HeldAssociation association = new HeldAssociation();
    /** What follows the C-STOREs when Storage Commitment was asked for; null otherwise. */
    private final StoreJobCommitment commitment;

    /**
     * How a step's batch goes out: {@link ModalityScu#store(RemoteModality, List, boolean, HeldAssociation, List)}
     * (a seam for tests). A failure that is not permitted throws, telling how many were stored before it.
     */
    @FunctionalInterface
    interface Sender {
        StoreOutcome store(RemoteModality m, List<String> batch, boolean permissive, HeldAssociation held,
                           List<String> upcoming) throws ScuException;
    }

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

    StoreJob(Sender sender, Modalities modalities, int batchSize, Request request) {
        this(sender, modalities, batchSize, request, null);
    }

    StoreJob(Sender sender, Modalities modalities, int batchSize, Request request, StoreJobCommitment commitment) {
        this.commitment = commitment;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
        }
        this.sender = Objects.requireNonNull(sender, "sender");
        this.modalities = modalities;
        this.batchSize = batchSize;
        this.request = Objects.requireNonNull(request, "request");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StepResult step(JobContext context) throws InterruptedException {
        List<String> all = request.instances();
        Optional<RemoteModality> m = modalities.get(request.modality());
        if (position >= all.size()) {
            if (commitment == null || commitment.done()) {
                return StepResult.success();
            }
            if (m.isEmpty()) {
                return StepResult.failure(JobError.inexistentItem("unknown modality " + request.modality()));
            }
            return commitment.step(request.modality(), m.get(), all, "job " + context.jobId());
        }
        if (m.isEmpty()) {
            return StepResult.failure(JobError.inexistentItem("unknown modality " + request.modality()));
        }
        List<String> batch = all.subList(position, Math.min(all.size(), position + batchSize));
        List<String> upcoming = all.subList(position, Math.min(all.size(), position + LOOKAHEAD));
        try {
            StoreOutcome outcome = sender.store(m.get(), batch, request.permissive(), association, upcoming);
            failures.addAll(outcome.failures());
        } catch (ScuException e) {
            if (!request.permissive()) {
                association.close();
                position += Math.min(e.stored(), batch.size()); // Progress shows how many were sent
                return StepResult.failure(JobError.networkProtocol(e.getMessage()));
            }
            for (String id : batch) {
                failures.add("C-STORE of instance " + id + " failed: " + e.getMessage());
            }
        }
        position += batch.size();
        if (position >= all.size()) {
            association.close(); // released before the job is seen to succeed
            return commitment == null ? StepResult.success() : StepResult.proceed();
        }
        return StepResult.proceed();
    }

    /** Releases the association held across steps (the engine calls it when this run ends). */
    @Override
    public void close() {
        association.close();
    }

    /** True while this job object holds an association open (for tests). */
    boolean holdsAssociation() {
        return association.isOpen();
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
        if (commitment != null) {
            commitment.content(c);
        }
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
        if (commitment != null) {
            commitment.serialize(s);
        }
        return s;
    }

    @Override
    public void reset() {
        position = 0;
        failures.clear();
        if (commitment != null) {
            commitment.reset();
        }
    }

    /** Rebuilds a job saved by {@link #serialize()}. */
    static StoreJob restore(Sender sender, Modalities modalities, int batchSize, JsonNode s,
                            dev.custodian.server.commit.scu.JobCommitment commitments) {
        Request request = new Request(text(s, "Modality"), text(s, "LocalAet"), text(s, "RemoteAet"),
                list(s, "Instances"), list(s, "ParentResources"), s.path("Permissive").asBoolean(false),
                text(s, "Description"));
        StoreJob job = new StoreJob(sender, modalities, batchSize, request,
                StoreJobCommitment.restore(commitments, s));
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
