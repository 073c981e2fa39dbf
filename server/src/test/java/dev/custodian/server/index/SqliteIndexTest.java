package dev.custodian.server.index;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The index contract on SQLite, a real file in a temporary folder. */
class SqliteIndexTest extends IndexContractTest {
    @TempDir
    Path dir;

    @Override
    IndexDatabase openDatabase() {
        return IndexDatabase.sqlite(dir.resolve("index.db"));
    }
}
