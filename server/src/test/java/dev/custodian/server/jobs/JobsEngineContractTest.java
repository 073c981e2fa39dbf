package dev.custodian.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodian.server.index.IndexDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's behaviour on one database dialect; subclasses open SQLite or PostgreSQL. */
abstract class JobsEngineContractTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    final ScriptedJob.Gate gate = new ScriptedJob.Gate();
    final List<JobsEngine> engines = new ArrayList<>();
    IndexDatabase db;
    JobStore store;

    abstract IndexDatabase openDatabase() throws Exception;

    void closeDatabase() throws Exception {
        engines.forEach(JobsEngine::close);
        engines.clear();
        if (db != null) {
            db.close();
            db = null;
        }
    }

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
        store = new JobStore(db);
    }

    @AfterEach
    void close() throws Exception {
        closeDatabase();
    }

    JobsEngine engine(int workers, int history) {
        JobsEngine e = new JobsEngine(store, new JobTypes(List.of(new ScriptedJob.Type(gate))),
                new JobsSettings(workers, history, true, Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofSeconds(10)),
                clock, Executors.newFixedThreadPool(workers), Executors.newSingleThreadScheduledExecutor()).start();
        engines.add(e);
        return e;
    }

    JobState state(String id) {
        return store.find(id).orElseThrow().state();
    }

    void awaitState(String id, JobState s) {
        await().atMost(WAIT).until(() -> state(id) == s);
    }

    @Test
    void aJobRunsItsStepsToSuccess() {
        JobsEngine e = engine(2, 10);
        String id = e.submit(ScriptedJob.of(gate, "a", 3), 0);
        awaitState(id, JobState.SUCCESS);
        JobRecord r = store.find(id).orElseThrow();
        assertThat(gate.doneOf("a")).containsExactly("a:0", "a:1", "a:2");
        assertThat(r.progress()).isEqualTo(100);
        assertThat(r.completionTime()).isEqualTo(clock.instant());
        assertThat(r.error()).isEqualTo(JobError.NONE);
        assertThat(r.content()).contains("\"Position\":3");
        assertThat(r.owner()).isNull();
    }

    @Test
    void theHighestPriorityPendingJobRunsFirst() throws Exception {
        JobsEngine e = engine(1, 10);
        gate.blocking = true;
        String blocker = e.submit(ScriptedJob.of(gate, "blocker", 1), 0);
        assertThat(gate.awaitArrival()).isEqualTo("blocker:0");
        String low = e.submit(ScriptedJob.of(gate, "low", 1), 0);
        String high = e.submit(ScriptedJob.of(gate, "high", 1), 10);
        String mid = e.submit(ScriptedJob.of(gate, "mid", 1), 5);
        gate.proceed.release(4);
        for (String id : List.of(blocker, low, high, mid)) {
            awaitState(id, JobState.SUCCESS);
        }
        assertThat(List.copyOf(gate.done)).containsExactly("blocker:0", "high:0", "mid:0", "low:0");
    }

    @Test
    void pauseTakesEffectBetweenStepsAndResumeContinuesFromThere() throws Exception {
        JobsEngine e = engine(1, 10);
        gate.blocking = true;
        String id = e.submit(ScriptedJob.of(gate, "p", 3), 0);
        assertThat(gate.awaitArrival()).isEqualTo("p:0");
        assertThat(e.pause(id).result()).isEqualTo(JobActions.Result.DONE);
        assertThat(state(id)).isEqualTo(JobState.RUNNING); // the step in progress finishes first
        gate.proceed.release();
        awaitState(id, JobState.PAUSED);
        assertThat(store.find(id).orElseThrow().progress()).isEqualTo(33);
        assertThat(e.pause(id).result()).as("pausing a paused job changes nothing").isEqualTo(JobActions.Result.DONE);
        assertThat(gate.doneOf("p")).containsExactly("p:0");
        await().atMost(WAIT).until(() -> gate.closed.contains("p:1")); // the paused run released what it held
        assertThat(e.resume(id).result()).isEqualTo(JobActions.Result.DONE);
        gate.proceed.release(2);
        awaitState(id, JobState.SUCCESS);
        assertThat(gate.doneOf("p")).containsExactly("p:0", "p:1", "p:2");
        await().atMost(WAIT).until(() -> gate.closed.size() == 2);
        assertThat(gate.closed).containsExactly("p:1", "p:3");
    }

    @Test
    void pendingJobsPauseAtOnceAndCancelAtOnce() throws Exception {
        JobsEngine e = engine(1, 10);
        gate.blocking = true;
        String blocker = e.submit(ScriptedJob.of(gate, "blocker", 1), 0);
        gate.awaitArrival();
        String waiting = e.submit(ScriptedJob.of(gate, "w", 1), 0);
        assertThat(e.pause(waiting).result()).isEqualTo(JobActions.Result.DONE);
        assertThat(state(waiting)).isEqualTo(JobState.PAUSED);
        assertThat(e.cancel(waiting).result()).isEqualTo(JobActions.Result.DONE);
        JobRecord canceled = store.find(waiting).orElseThrow();
        assertThat(canceled.state()).isEqualTo(JobState.FAILURE);
        assertThat(canceled.error().code()).isEqualTo(37);
        assertThat(canceled.completionTime()).isNotNull();
        gate.proceed.release();
        awaitState(blocker, JobState.SUCCESS);
        assertThat(gate.doneOf("w")).isEmpty();
    }

    @Test
    void cancelOfARunningJobFailsItAfterItsStepAndResubmitStartsItAgain() throws Exception {
        JobsEngine e = engine(1, 10);
        gate.blocking = true;
        String id = e.submit(ScriptedJob.of(gate, "c", 3), 0);
        gate.awaitArrival();
        assertThat(e.cancel(id).result()).isEqualTo(JobActions.Result.DONE);
        gate.proceed.release();
        awaitState(id, JobState.FAILURE);
        JobRecord r = store.find(id).orElseThrow();
        assertThat(r.error()).isEqualTo(JobError.canceled());
        assertThat(r.progress()).isEqualTo(33);
        await().atMost(WAIT).until(() -> gate.closed.contains("c:1"));
        assertThat(e.cancel(id).result()).as("cancel of a finished job changes nothing").isEqualTo(JobActions.Result.DONE);
        assertThat(e.resume(id).result()).isEqualTo(JobActions.Result.NOT_ALLOWED);

        assertThat(e.resubmit(id).result()).isEqualTo(JobActions.Result.DONE);
        gate.proceed.release(3);
        awaitState(id, JobState.SUCCESS);
        assertThat(gate.doneOf("c")).containsExactly("c:0", "c:0", "c:1", "c:2");
        assertThat(store.find(id).orElseThrow().error()).isEqualTo(JobError.NONE);
        assertThat(e.resubmit(id).result()).as("only failed jobs").isEqualTo(JobActions.Result.NOT_ALLOWED);
        assertThat(e.pause("no-such-job").result()).isEqualTo(JobActions.Result.UNKNOWN_JOB);
        assertThat(e.resubmit("no-such-job").result()).isEqualTo(JobActions.Result.UNKNOWN_JOB);
    }

    @Test
    void aFailingStepFailsTheJobWithItsError() {
        JobsEngine e = engine(2, 10);
        String id = e.submit(ScriptedJob.of(gate, "f", 3).failingAt(1), 0);
        awaitState(id, JobState.FAILURE);
        JobRecord r = store.find(id).orElseThrow();
        assertThat(r.error().code()).isEqualTo(9);
        assertThat(r.error().details()).isEqualTo("scripted failure at step 1");
        assertThat(r.progress()).isEqualTo(33);
        assertThat(gate.doneOf("f")).containsExactly("f:0", "f:1:fail");
        await().atMost(WAIT).until(() -> gate.closed.contains("f:1"));
        assertThat(gate.closed).containsExactly("f:1");
    }

    @Test
    void aStepCutShortByAnUnavailableDatabaseRunsAgainFromTheLastSavedStepInsteadOfFailing() {
        JobsEngine e = engine(1, 10);
        gate.databaseDowns.set(2);
        String id = e.submit(ScriptedJob.of(gate, "d", 3).databaseDownAt(1), 0);
        awaitState(id, JobState.RETRY);
        JobRecord r = store.find(id).orElseThrow();
        assertThat(r.retryAt()).isEqualTo(clock.millis() + JobRunner.UNAVAILABLE_RETRY.toMillis());
        assertThat(r.content()).as("the state of the last saved step").contains("\"Position\":1");
        assertThat(r.error()).isEqualTo(JobError.NONE);
        for (int i = 0; i < 2; i++) {
            clock.advance(JobRunner.UNAVAILABLE_RETRY.plusMillis(1));
            e.wakeUp();
            int runs = i + 2;
            await().atMost(WAIT).until(() -> gate.doneOf("d").size() >= runs);
        }
        awaitState(id, JobState.SUCCESS);
        assertThat(gate.doneOf("d")).containsExactly("d:0", "d:1:down", "d:1:down", "d:1", "d:2");
    }

    @Test
    void retryWaitsItsDelayThenRunsTheSameStepAgain() {
        JobsEngine e = engine(1, 10);
        String id = e.submit(ScriptedJob.of(gate, "r", 2).retrying(1, 2, Duration.ofMinutes(1)), 0);
        awaitState(id, JobState.RETRY);
        JobRecord r = store.find(id).orElseThrow();
        assertThat(r.retryAt()).isEqualTo(clock.millis() + 60_000);
        clock.advance(Duration.ofSeconds(59));
        e.wakeUp();
        assertThat(state(id)).as("not before its delay").isEqualTo(JobState.RETRY);
        clock.advance(Duration.ofSeconds(2));
        e.wakeUp();
        await().atMost(WAIT).until(() -> gate.doneOf("r").size() == 3);
        awaitState(id, JobState.RETRY);
        clock.advance(Duration.ofMinutes(2));
        e.wakeUp();
        awaitState(id, JobState.SUCCESS);
        assertThat(gate.doneOf("r")).containsExactly("r:0", "r:1:retry", "r:1:retry", "r:1");
        await().atMost(WAIT).until(() -> gate.closed.size() == 3);
        assertThat(gate.closed).as("each run (before each retry, then the last) closes its job object")
                .containsExactly("r:1", "r:1", "r:2");
    }

    @Test
    void aRetryingJobCanBePausedOrCanceled() {
        JobsEngine e = engine(1, 10);
        String id = e.submit(ScriptedJob.of(gate, "rp", 1).retrying(0, 5, Duration.ofHours(1)), 0);
        awaitState(id, JobState.RETRY);
        assertThat(e.pause(id).result()).isEqualTo(JobActions.Result.DONE);
        assertThat(state(id)).isEqualTo(JobState.PAUSED);
        assertThat(e.cancel(id).result()).isEqualTo(JobActions.Result.DONE);
        assertThat(store.find(id).orElseThrow().error().code()).isEqualTo(37);
    }

    @Test
    void historyKeepsTheMostRecentlyFinishedJobs() {
        JobsEngine e = engine(1, 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            String id = e.submit(ScriptedJob.of(gate, "h" + i, 1), 0);
            awaitState(id, JobState.SUCCESS);
            ids.add(id);
        }
        await().atMost(WAIT).until(() -> store.all().size() == 2);
        assertThat(store.all()).extracting(JobRecord::id).containsExactly(ids.get(2), ids.get(3));
    }

    @Test
    void anOrderlyStopPutsTheRunningJobBackToPendingAtItsLastStep() throws Exception {
        JobsEngine first = engine(1, 10);
        gate.blocking = true;
        String id = first.submit(ScriptedJob.of(gate, "s", 3), 0);
        gate.awaitArrival();
        gate.proceed.release(); // step 0 completes
        assertThat(gate.awaitArrival()).isEqualTo("s:1");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(first::close);
        await().atMost(WAIT).until(first::isStopping);
        gate.proceed.release(); // step 1 completes during the stop, is saved, then the job is released
        stopping.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        JobRecord r = store.find(id).orElseThrow();
        assertThat(r.state()).isEqualTo(JobState.PENDING);
        assertThat(r.owner()).isNull();
        assertThat(r.progress()).isEqualTo(66);
        assertThat(gate.closed).as("closed before the stopped worker ended").containsExactly("s:2");

        gate.blocking = false;
        engine(1, 10);
        awaitState(id, JobState.SUCCESS);
        assertThat(gate.doneOf("s")).containsExactly("s:0", "s:1", "s:2");
    }

    @Test
    void aJobLeftRunningByADeadNodeResumesFromItsLastSavedStep() throws Exception {
        ScriptedJob job = ScriptedJob.of(gate, "d", 4);
        job.step(new JobContext("x", clock, () -> false)); // steps 0 and 1 done before the node died
        job.step(new JobContext("x", clock, () -> false));
        gate.done.clear();
        String id = "dead-node-job";
        store.insert(new JobRecord(id, ScriptedJob.TYPE, JobState.RUNNING, 0, job.progress(), clock.instant(), null, 5,
                JobError.NONE, job.content().toString(), job.serialize().toString(), null, "dead-node",
                clock.millis() + 5_000, null));
        JobsEngine e = engine(1, 10);
        if (store.shared()) {
            // a shared index cannot tell a dead node from a slow one: the lease must expire first
            e.wakeUp();
            assertThat(state(id)).isEqualTo(JobState.RUNNING);
            assertThat(gate.done).isEmpty();
            clock.advance(Duration.ofSeconds(6));
            e.wakeUp();
        }
        awaitState(id, JobState.SUCCESS);
        assertThat(gate.doneOf("d")).containsExactly("d:2", "d:3");
    }

    @Test
    void twoNodesOnOneDatabaseRunEachJobExactlyOnce() {
        JobsEngine a = engine(2, 100);
        JobsEngine b = engine(2, 100);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add((i % 2 == 0 ? a : b).submit(ScriptedJob.of(gate, "n" + i, 3), 0));
        }
        for (String id : ids) {
            awaitState(id, JobState.SUCCESS);
        }
        assertThat(gate.done).hasSize(36).doesNotHaveDuplicates();
    }

    @Test
    void aClaimHoldsUntilItsLeaseExpiresAndTheFormerOwnerThenLosesTheJob() {
        ScriptedJob job = ScriptedJob.of(gate, "l", 2);
        store.insert(new JobRecord("leased", ScriptedJob.TYPE, JobState.PENDING, 0, 0, clock.instant(), null, 0,
                JobError.NONE, job.content().toString(), job.serialize().toString(), null, null, null, null));
        List<String> types = List.of(ScriptedJob.TYPE);
        long now = clock.millis();
        JobStore.Claim a = store.claim("node-a", types, now, now + 1_000).orElseThrow();
        assertThat(a.from()).isEqualTo(JobState.PENDING);
        assertThat(a.job().owner()).isEqualTo("node-a");
        assertThat(store.claim("node-b", types, now, now + 1_000)).as("held by node-a").isEmpty();
        assertThat(store.claim("node-b", List.of("OtherType"), now + 5_000, now + 6_000)).isEmpty();

        JobStore.Claim b = store.claim("node-b", types, now + 1_001, now + 2_000).orElseThrow();
        assertThat(b.from()).as("taken over").isEqualTo(JobState.RUNNING);
        assertThat(store.saveStep("leased", "node-a", 50, "{}", "{}", 1, now + 3_000)).isEqualTo(JobStore.Saved.LOST);
        assertThat(store.release("leased", "node-a", JobState.SUCCESS, new JobUpdate(100, "{}", "{}", 1, null, now,
                JobError.NONE))).isFalse();
        assertThat(store.requestControl("leased", "pause")).isTrue();
        assertThat(store.saveStep("leased", "node-b", 50, "{}", "{}", 1, now + 3_000)).isEqualTo(JobStore.Saved.PAUSE);
        assertThat(store.renewLeases("node-b", List.of("leased"), now + 9_000)).isEqualTo(1);
        assertThat(store.find("leased").orElseThrow().leaseUntil()).isEqualTo(now + 9_000);
    }
}
