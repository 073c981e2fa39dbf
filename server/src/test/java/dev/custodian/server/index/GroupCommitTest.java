package dev.custodian.server.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    @TempDir
    Path dir;

    private IndexDatabase db;
    private GroupCommit commit;
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @BeforeEach
    void open() {
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        db.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE t (k TEXT PRIMARY KEY)");
            h.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
            h.execute("CREATE TABLE child (pid INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)");
        });
        commit = new GroupCommit(db.jdbi(), 32, 3);
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        commit.close();
        db.close();
    }

    private static int insert(Handle h, String key) {
        return h.createUpdate("INSERT INTO t (k) VALUES (:k)").bind("k", key).execute();
    }

    private List<String> keys() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT k FROM t ORDER BY k").mapTo(String.class).list());
    }

    /** Rows committed, read on a connection of its own (Jdbi would reuse the thread's handle). */
    private int committedRows() throws SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index.db"));
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Queues {@code work} on {@code n} threads while the writer is held, then lets them run as one batch. */
    private List<Future<Integer>> oneBatch(int n, java.util.function.IntFunction<org.jdbi.v3.core.HandleCallback<Integer,
            Exception>> work) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> commit.exclusively(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holding.await();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int item = i;
            results.add(callers.submit(() -> commit.write(work.apply(item))));
        }
        await().until(() -> commit.queued() == n);
        release.countDown();
        holder.join();
        return results;
    }

    @Test
    void loneCallerGetsItsResultAfterCommit() throws Exception {
        int inserted = commit.write(h -> insert(h, "a"));
        assertThat(inserted).isEqualTo(1);
        assertThat(keys()).containsExactly("a");
    }

    @Test
    void concurrentCallersAreCommittedTogetherEachWithItsOwnResult() throws Exception {
        AtomicInteger committedBefore = new AtomicInteger();
        List<Future<Integer>> results = oneBatch(6, i -> h -> {
            // seen from another connection, nothing of the batch is committed yet: one transaction
            committedBefore.addAndGet(committedRows());
            insert(h, "k" + i);
            return i * 10;
        });
        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).get()).isEqualTo(i * 10);
        }
        assertThat(keys()).containsExactly("k0", "k1", "k2", "k3", "k4", "k5");
        assertThat(committedBefore).hasValue(0);
    }

    @Test
    void oneFailureAmongManyFailsOnlyItsCaller() throws Exception {
        List<Future<Integer>> results = oneBatch(5, i -> h -> {
            insert(h, "k" + i);
            if (i == 2) {
                throw new IOException("item 2 refused");
            }
            return i;
        });
        for (int i = 0; i < 5; i++) {
            if (i == 2) {
                Future<Integer> failed = results.get(i);
                assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(IOException.class).hasRootCauseMessage("item 2 refused");
            } else {
                assertThat(results.get(i).get()).isEqualTo(i);
            }
        }
        assertThat(keys()).containsExactly("k0", "k1", "k3", "k4");
    }

    @Test
    void failedCommitFailsEveryCallerOfTheBatchAndKeepsNothing() throws Exception {
        List<Future<Integer>> results = oneBatch(3, i -> h -> {
            insert(h, "k" + i);
            if (i == 1) {
                // a deferred foreign key: the statement succeeds, the COMMIT fails
                h.execute("INSERT INTO child (pid) VALUES (42)");
            }
            return i;
        });
        for (Future<Integer> r : results) {
            assertThatThrownBy(r::get).isInstanceOf(ExecutionException.class);
        }
        assertThat(keys()).isEmpty();
        int inserted = commit.write(h -> insert(h, "after"));
        assertThat(inserted).isEqualTo(1);
        assertThat(keys()).containsExactly("after");
    }

    @Test
    void aConnectionLostUnderABatchFailsEachCallerWithAnUncheckedException() throws Exception {
        // what a database restart does to the connection: the savepoints and the commit fail with
        // a checked SQLException that none of the callers' work threw, and none of them declares
        List<Future<Integer>> results = oneBatch(3, i -> h -> {
            if (i == 0) {
                h.getConnection().close();
                return 0;
            }
            return insert(h, "k" + i);
        });
        for (Future<Integer> r : results) {
            assertThatThrownBy(r::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(RuntimeException.class)
                    .satisfies(e -> assertThat(DatabaseFailures.isUnavailable(e)).as("a lost connection").isTrue());
        }
        int inserted = commit.write(h -> insert(h, "after"));
        assertThat(inserted).isEqualTo(1);
        assertThat(keys()).containsExactly("after");
    }

    @Test
    void retryableFailureIsRunAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        int result = commit.write(h -> {
            if (runs.incrementAndGet() == 1) {
                throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(
                        new SQLException("duplicate key", "23505"), null);
            }
            return insert(h, "x");
        });
        assertThat(result).isEqualTo(1);
        assertThat(runs).hasValue(2);
    }

    @Test
    void nonRetryableFailureOfALoneCallerRollsBackItsWrites() {
        assertThatThrownBy(() -> commit.write(h -> {
            insert(h, "gone");
            throw new IOException("refused");
        })).isInstanceOf(IOException.class);
        assertThat(keys()).isEmpty();
    }

    @Test
    void afterCloseWritesFailAndTheConnectionIsBackInThePool() throws Exception {
        int inserted = commit.write(h -> insert(h, "before"));
        assertThat(inserted).isEqualTo(1);
        commit.close();
        assertThatThrownBy(() -> commit.write(h -> insert(h, "after"))).isInstanceOf(IllegalStateException.class);
        assertThat(keys()).containsExactly("before");
    }

    @Test
    void aConnectionLeftBrokenIsReplaced() throws Exception {
        assertThatThrownBy(() -> commit.write(h -> {
            h.getConnection().close();
            return insert(h, "lost");
        })).isInstanceOf(Exception.class);
        int inserted = commit.write(h -> insert(h, "next"));
        assertThat(inserted).isEqualTo(1);
        assertThat(keys()).containsExactly("next");
    }

    @Test
    void manyThreadsManyWritesAllLand() throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int item = i;
            results.add(callers.submit(() -> commit.write(h -> insert(h, String.format("%03d", item)))));
        }
        for (Future<Integer> r : results) {
            assertThat(r.get()).isEqualTo(1);
        }
        assertThat(keys()).hasSize(400);
        assertThat(commit.queued()).isZero();
    }
}
