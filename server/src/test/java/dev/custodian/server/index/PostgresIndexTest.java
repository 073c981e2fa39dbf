package dev.custodian.server.index;

import org.junit.jupiter.api.AfterEach;

/** The index contract on PostgreSQL: a fresh database per test, dropped afterwards. */
class PostgresIndexTest extends IndexContractTest {
    private PostgresTestDatabase server;

    @Override
    IndexDatabase openDatabase() throws Exception {
        if (server == null) {
            server = new PostgresTestDatabase();
        }
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
