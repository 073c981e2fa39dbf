package dev.custodian.server.commit.scu;

import dev.custodian.server.index.IndexDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SCU's rows on SQLite. */
class SqliteScuTest extends ScuContractTest {
    @TempDir
    Path dir;

    @Override
    IndexDatabase openDatabase() {
        return IndexDatabase.sqlite(dir.resolve("index.db"));
    }
}
