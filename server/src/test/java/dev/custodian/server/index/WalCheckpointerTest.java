package dev.custodian.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

class WalCheckpointerTest {
    @TempDir
    Path dir;

    @Test
    void automaticCheckpointsAreOffAndThePassiveOneCopiesTheWholeWal() {
        try (IndexDatabase db = IndexDatabase.sqlite(dir.resolve("index.db"))) {
            int autocheckpoint = db.jdbi().withHandle(h -> h.createQuery("PRAGMA wal_autocheckpoint")
                    .mapTo(Integer.class).one());
            assertThat(autocheckpoint).isZero();
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)"));
            // more than SQLite's default threshold of 1,000 pages, which would have checkpointed
            for (int i = 0; i < 300; i++) {
                int k = i;
                db.writer().write(h -> h.createUpdate("INSERT INTO t VALUES (:k, :v)").bind("k", k)
                        .bind("v", "x".repeat(16_000)).execute());
            }
            WalCheckpointer checkpointer = new WalCheckpointer(db.jdbi(), db.writer(), 100);
            WalCheckpointer.Result first = checkpointer.checkpoint();
            assertThat(first.walFrames()).isGreaterThan(1000);
            assertThat(first.checkpointedFrames()).isEqualTo(first.walFrames());
            // the WAL was too long: the next checkpoint runs between writes, and the WAL rewinds after it
            checkpointer.checkpoint();
            db.writer().write(h -> h.createUpdate("INSERT INTO t VALUES (1000, 'y')").execute());
            assertThat(checkpointer.checkpoint().walFrames()).isLessThan(100);
            checkpointer.close();
        }
    }

    @Test
    void aFailingCheckpointIsLoggedOnceUntilItSucceedsAgain() {
        try (IndexDatabase db = IndexDatabase.sqlite(dir.resolve("index.db"))) {
            AtomicBoolean full = new AtomicBoolean(true);
            String url = "jdbc:sqlite:" + dir.resolve("index.db");
            Jdbi flaky = Jdbi.create(() -> {
                if (full.get()) {
                    throw new SQLException("[SQLITE_FULL] database or disk is full");
                }
                return DriverManager.getConnection(url);
            });
            Logger logger = (Logger) LoggerFactory.getLogger(WalCheckpointer.class);
            ListAppender<ILoggingEvent> log = new ListAppender<>();
            log.start();
            logger.addAppender(log);
            try {
                WalCheckpointer checkpointer = new WalCheckpointer(flaky, db.writer(), 100);
                for (int i = 0; i < 20; i++) {
                    checkpointer.checkpointQuietly();
                }
                full.set(false);
                checkpointer.checkpointQuietly();
                checkpointer.checkpointQuietly();
                assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
                assertThat(log.list.get(0).getFormattedMessage()).contains("database or disk is full");
                assertThat(log.list.get(1).getFormattedMessage()).contains("after 20 failed attempts");
                checkpointer.close();
            } finally {
                logger.detachAppender(log);
            }
        }
    }
}
