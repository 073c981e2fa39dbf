package dev.custodian.server.commit.scp;

import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.PostgresTestDatabase;

/** The StorageCommitmentScp job and its SQL on PostgreSQL (the shared-index setup). */
class PostgresScpJobTest extends ScpJobContractTest {
    private PostgresTestDatabase database;

    @Override
    IndexDatabase openDatabase() throws Exception {
        database = new PostgresTestDatabase();
        return IndexDatabase.postgres(database.config());
    }

    @Override
    void dropDatabase() throws Exception {
        database.close();
    }
}
