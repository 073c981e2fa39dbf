package dev.custodian.server.jobs;

import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;

/** The engine on a shared PostgreSQL index: a fresh database per test, dropped afterwards. */
class PostgresJobsEngineTest extends JobsEngineContractTest {
    private PostgresTestDatabase server;

    @Override
    IndexDatabase openDatabase() throws Exception {
        server = new PostgresTestDatabase();
        return IndexDatabase.postgres(server.config());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        closeDatabase();
        if (server != null) {
            server.close();
        }
    }
}
