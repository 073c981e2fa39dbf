package dev.custodian.server.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.server.index.ResourceLevel;
import dev.custodian.server.index.Verifications;
import dev.custodian.server.jobs.Job;
import dev.custodian.server.jobs.JobContext;
import dev.custodian.server.jobs.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code StorageVerification} job: one batch of instances per step, in row order from a saved
 * cursor (so pause, cancel, a restart or another node resume where it stopped); each file is
 * re-read at the bounded rate and compared with the index, and the batch's outcomes are recorded in
 * one transaction (marks set or cleared, findings kept). Succeeds when the scope is exhausted,
 * whatever it found: the counts are in its Content, the findings in its {@code report} output.
 */
final class StorageVerificationJob implements Job {
    static final String TYPE = "StorageVerification";
    private static final Logger LOG = LoggerFactory.getLogger(StorageVerificationJob.class);

    private final Verifications verifications;
    private final FileCheck check;
    private final Supplier<Throttle> throttles;
    private final int batchSize;
    private final Verifications.Scope scope;
    private final String description;
    private long total;
    private long after;
    private long checked;
    private long intact;
    private long missing;
    private long damaged;
    private long bytesRead;

    StorageVerificationJob(Verifications verifications, FileCheck check, Supplier<Throttle> throttles, int batchSize,
                           Verifications.Scope scope, String description, long total) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
        }
        this.verifications = Objects.requireNonNull(verifications, "verifications");
        this.check = Objects.requireNonNull(check, "check");
        this.throttles = Objects.requireNonNull(throttles, "throttles");
        this.batchSize = batchSize;
        this.scope = Objects.requireNonNull(scope, "scope");
        this.description = Objects.requireNonNull(description, "description");
        this.total = total;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StepResult step(JobContext context) throws InterruptedException {
        List<Verifications.Target> batch = verifications.next(scope, after, batchSize);
        Throttle throttle = throttles.get();
        List<Verifications.Outcome> outcomes = new ArrayList<>();
        long[] read = {0};
        for (Verifications.Target t : batch) {
            outcomes.add(check.check(t, throttle, read));
            if (context.shouldStop()) {
                break; // saved below: the rest of the batch is the next step's
            }
        }
        verifications.record(context.jobId(), outcomes);
        count(context.jobId(), outcomes, read[0]);
        boolean exhausted = batch.size() < batchSize && outcomes.size() == batch.size();
        return exhausted ? StepResult.success() : StepResult.proceed();
    }

    private void count(String jobId, List<Verifications.Outcome> outcomes, long read) {
        for (Verifications.Outcome o : outcomes) {
            checked++;
            after = o.target().row();
            if (o.problem() == null) {
                intact++;
            } else {
                if (o.problem() == Verifications.Problem.MISSING) {
                    missing++;
                } else {
                    damaged++;
                }
                LOG.warn("job {}: instance {} (SOP Instance UID {}) is {}: {}", jobId, o.target().publicId(),
                        o.target().sopInstanceUid(), o.problem() == Verifications.Problem.MISSING ? "missing"
                                : "damaged", o.detail());
            }
        }
        bytesRead += read;
        total = Math.max(total, checked);
    }

    @Override
    public int progress() {
        return total == 0 ? 0 : (int) Math.min(100, 100 * checked / total);
    }

    @Override
    public ObjectNode content() {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("Description", description);
        c.put("Level", scope.level() == null ? "All" : scope.level().orthancName());
        if (scope.publicId() != null) {
            c.put("Resource", scope.publicId());
        }
        c.put("InstancesCount", total);
        c.put("CheckedInstancesCount", checked);
        c.put("IntactInstancesCount", intact);
        c.put("MissingInstancesCount", missing);
        c.put("DamagedInstancesCount", damaged);
        c.put("BytesRead", bytesRead);
        return c;
    }

    @Override
    public ObjectNode serialize() {
        ObjectNode s = content();
        s.put("After", after);
        return s;
    }

    @Override
    public void reset() {
        after = 0;
        checked = 0;
        intact = 0;
        missing = 0;
        damaged = 0;
        bytesRead = 0;
    }

    /** Rebuilds a job saved by {@link #serialize()}. */
    static StorageVerificationJob restore(Verifications verifications, FileCheck check, Supplier<Throttle> throttles,
                                          int batchSize, JsonNode s) {
        String level = text(s, "Level");
        Verifications.Scope scope = level.equals("All") ? Verifications.Scope.ALL
                : new Verifications.Scope(levelOf(level), text(s, "Resource"));
        StorageVerificationJob job = new StorageVerificationJob(verifications, check, throttles, batchSize, scope,
                text(s, "Description"), number(s, "InstancesCount"));
        job.after = number(s, "After");
        job.checked = number(s, "CheckedInstancesCount");
        job.intact = number(s, "IntactInstancesCount");
        job.missing = number(s, "MissingInstancesCount");
        job.damaged = number(s, "DamagedInstancesCount");
        job.bytesRead = number(s, "BytesRead");
        return job;
    }

    private static ResourceLevel levelOf(String orthancName) {
        for (ResourceLevel l : ResourceLevel.values()) {
            if (l.orthancName().equals(orthancName)) {
                return l;
            }
        }
        throw new IllegalArgumentException("saved " + TYPE + " job has an unknown Level \"" + orthancName + "\"");
    }

    private static String text(JsonNode s, String field) {
        JsonNode v = s.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("saved " + TYPE + " job lacks the string \"" + field + "\"");
        }
        return v.textValue();
    }

    private static long number(JsonNode s, String field) {
        JsonNode v = s.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException("saved " + TYPE + " job lacks the count \"" + field + "\"");
        }
        return v.asLong();
    }
}
