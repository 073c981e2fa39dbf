package dev.custodian.server.commit.scp;

import dev.custodian.server.index.IndexDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The StorageCommitmentScp job and its SQL on the default SQLite index. */
class SqliteScpJobTest extends ScpJobContractTest {
    @TempDir
    Path dir;

    @Override
    IndexDatabase openDatabase() {
        return IndexDatabase.sqlite(dir.resolve("index.db"));
    }
}
