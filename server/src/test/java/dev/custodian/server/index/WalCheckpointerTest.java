package dev.custodian.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
