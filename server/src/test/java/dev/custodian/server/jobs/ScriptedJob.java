package dev.custodian.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A test job of {@code steps} steps. Every executed step is logged as "name:position"; with a
 * blocking {@link Gate} each step announces itself and waits for the test to let it finish.
 * {@code retries} first attempts of step {@code retryAt} answer Retry; step {@code failAt} fails.
 */
final class ScriptedJob implements Job {
    static final String TYPE = "Scripted";

    /** Shared between the test and the jobs it runs. */
    static final class Gate {
        final ConcurrentLinkedQueue<String> done = new ConcurrentLinkedQueue<>();
        /** "name:position" each time the engine closes a job object after running it. */
        final ConcurrentLinkedQueue<String> closed = new ConcurrentLinkedQueue<>();
        final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        final Semaphore proceed = new Semaphore(0);
        /** How many more times step {@code DownAt} finds the database unavailable. */
        final java.util.concurrent.atomic.AtomicInteger databaseDowns = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean blocking;

        String awaitArrival() throws InterruptedException {
            String s = arrived.poll(30, TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("no step started within 30 s");
            }
            return s;
        }

        List<String> doneOf(String name) {
            return done.stream().filter(s -> s.startsWith(name + ":")).toList();
        }
    }

    static final class Type implements JobType {
        final Gate gate;

        Type(Gate gate) {
            this.gate = gate;
        }

        @Override
        public String name() {
            return TYPE;
        }

        @Override
        public Job restore(JsonNode s) {
            return new ScriptedJob(gate, (ObjectNode) s.deepCopy());
        }
    }

    private final Gate gate;
    private final ObjectNode state;

    private ScriptedJob(Gate gate, ObjectNode state) {
        this.gate = gate;
        this.state = state;
    }

    static ScriptedJob of(Gate gate, String name, int steps) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("Name", name).put("Steps", steps).put("Position", 0).put("FailAt", -1).put("RetryAt", -1)
                .put("Retries", 0).put("RetryDelayMs", 0).put("DownAt", -1);
        return new ScriptedJob(gate, s);
    }

    ScriptedJob failingAt(int step) {
        state.put("FailAt", step);
        return this;
    }

    /** Step {@code step} advances in memory, then finds the database gone ({@link Gate#databaseDowns} times). */
    ScriptedJob databaseDownAt(int step) {
        state.put("DownAt", step);
        return this;
    }

    ScriptedJob retrying(int step, int times, Duration delay) {
        state.put("RetryAt", step).put("Retries", times).put("RetryDelayMs", delay.toMillis());
        return this;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StepResult step(JobContext context) throws InterruptedException {
        int p = state.get("Position").asInt();
        String tag = state.get("Name").asText() + ":" + p;
        if (gate.blocking) {
            gate.arrived.add(tag);
            if (!gate.proceed.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let step " + tag + " finish");
            }
        }
        if (p == state.get("RetryAt").asInt() && state.get("Retries").asInt() > 0) {
            state.put("Retries", state.get("Retries").asInt() - 1);
            gate.done.add(tag + ":retry");
            return StepResult.retry(Duration.ofMillis(state.get("RetryDelayMs").asLong()), "scripted");
        }
        if (p == state.get("DownAt").asInt() && gate.databaseDowns.getAndDecrement() > 0) {
            gate.done.add(tag + ":down");
            state.put("Position", p + 1); // what the step did is lost with it
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(new java.sql.SQLException(
                    "FATAL: terminating connection due to administrator command", "57P01"), null);
        }
        if (p == state.get("FailAt").asInt()) {
            gate.done.add(tag + ":fail");
            return StepResult.failure(JobError.networkProtocol("scripted failure at step " + p));
        }
        gate.done.add(tag);
        state.put("Position", p + 1);
        return p + 1 >= state.get("Steps").asInt() ? StepResult.success() : StepResult.proceed();
    }

    @Override
    public int progress() {
        return 100 * state.get("Position").asInt() / state.get("Steps").asInt();
    }

    @Override
    public ObjectNode content() {
        return JsonNodeFactory.instance.objectNode().put("Name", state.get("Name").asText())
                .put("Position", state.get("Position").asInt());
    }

    @Override
    public ObjectNode serialize() {
        return state.deepCopy();
    }

    @Override
    public void close() {
        gate.closed.add(state.get("Name").asText() + ":" + state.get("Position").asInt());
    }

    @Override
    public void reset() {
        state.put("Position", 0);
    }
}
