package dev.custodian.server.jobs;

import dev.custodian.server.index.IndexDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The engine on the default SQLite index. */
class SqliteJobsEngineTest extends JobsEngineContractTest {
    @TempDir
    Path dir;

    @Override
    IndexDatabase openDatabase() {
        return IndexDatabase.sqlite(dir.resolve("index.db"));
    }
}
