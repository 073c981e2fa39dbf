package dev.custodian.server.commit.scu;

import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;

/** The SCU's rows on PostgreSQL: a fresh database per test, dropped afterwards. */
class PostgresScuTest extends ScuContractTest {
    private PostgresTestDatabase server;

    @Override
    IndexDatabase openDatabase() throws Exception {
        server = new PostgresTestDatabase();
        return IndexDatabase.postgres(server.config());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        close();
        db = null;
        if (server != null) {
            server.close();
        }
    }
}
