package dev.custodian.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.custodian.server.index.IndexDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The engine on the default SQLite index. */
class SqliteJobsEngineTest extends JobsEngineContractTest {
    @TempDir
    Path dir;

    @Override
    IndexDatabase openDatabase() {
        return IndexDatabase.sqlite(dir.resolve("index.db"));
    }

    /**
     * A full disk, as SQLite reports it, played by a trigger: the worker can save neither the
     * job's end nor its return to Pending. The node must not keep renewing the lease of a job no
     * worker runs any more, or it stays Running until a restart; its lease expires and, once the
     * database takes writes again, the job is claimed again and finishes.
     */
    @Test
    void aJobWhoseEndCouldNotBeSavedIsNotHeldByItsLeaseAndRunsAgainWhenWritesReturn() {
        db.jdbi().useHandle(h -> h.execute("CREATE TRIGGER full_disk BEFORE UPDATE OF state ON jobs "
                + "WHEN NEW.state IN ('Success', 'Pending') BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"));
        Duration lease = Duration.ofMillis(300);
        JobsEngine e = new JobsEngine(store, new JobTypes(List.of(new ScriptedJob.Type(gate))),
                new JobsSettings(1, 10, true, lease, Duration.ofMillis(20), Duration.ofSeconds(10)), clock,
                Executors.newFixedThreadPool(1), Executors.newSingleThreadScheduledExecutor()).start();
        engines.add(e);
        String id = e.submit(ScriptedJob.of(gate, "f", 1), 0);
        await().atMost(WAIT).until(() -> gate.doneOf("f").size() == 1 && gate.closed.size() == 1);
        assertThat(state(id)).isEqualTo(JobState.RUNNING);
        long leaseUntil = store.find(id).orElseThrow().leaseUntil();

        clock.advance(Duration.ofMillis(100));
        await().during(lease.multipliedBy(2)).atMost(WAIT).until(() ->
                store.find(id).orElseThrow().leaseUntil() == leaseUntil);
        db.jdbi().useHandle(h -> h.execute("DROP TRIGGER full_disk"));
        clock.advance(lease);
        e.wakeUp();
        awaitState(id, JobState.SUCCESS);
        assertThat(gate.doneOf("f")).containsExactly("f:0", "f:0");
    }

    /** A claim refused by a full disk at every poll is one WARN when it starts and one INFO when it ends. */
    @Test
    void aClaimThatKeepsFailingIsLoggedOnceUntilItWorksAgain() {
        db.jdbi().useHandle(h -> h.execute("CREATE TRIGGER full_disk BEFORE UPDATE OF state ON jobs "
                + "WHEN NEW.state = 'Running' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"));
        Logger logger = (Logger) LoggerFactory.getLogger(JobsEngine.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            JobsEngine e = engine(1, 10);
            String id = e.submit(ScriptedJob.of(gate, "c", 1), 0);
            await().atMost(WAIT).until(() -> warnings(log) == 1);
            await().during(Duration.ofMillis(400)).atMost(WAIT).until(() -> warnings(log) == 1); // 20 polls
            db.jdbi().useHandle(h -> h.execute("DROP TRIGGER full_disk"));
            awaitState(id, JobState.SUCCESS);
            assertThat(warnings(log)).isEqualTo(1);
            assertThat(log.list).filteredOn(ev -> ev.getLevel() == Level.WARN).singleElement()
                    .satisfies(ev -> assertThat(ev.getFormattedMessage()).contains("database or disk is full"));
            assertThat(log.list).anySatisfy(ev -> assertThat(ev.getFormattedMessage())
                    .contains("can look for work again"));
        } finally {
            logger.detachAppender(log);
        }
    }

    private static long warnings(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return List.copyOf(log.list).stream().filter(ev -> ev.getLevel() == Level.WARN).count();
        }
    }
}
