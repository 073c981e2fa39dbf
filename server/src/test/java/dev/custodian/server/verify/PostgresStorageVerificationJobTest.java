package dev.custodian.server.verify;

import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.PostgresTestDatabase;
import java.nio.file.Path;

/** {@link StorageVerificationJobTest} on PostgreSQL: a fresh database per test, dropped afterwards. */
class PostgresStorageVerificationJobTest extends StorageVerificationJobTest {
    private PostgresTestDatabase server;

    @Override
    IndexDatabase openDatabase(Path dir) throws Exception {
        server = new PostgresTestDatabase();
        return IndexDatabase.postgres(server.config());
    }

    @Override
    void dropDatabase() throws Exception {
        server.close();
    }
}
