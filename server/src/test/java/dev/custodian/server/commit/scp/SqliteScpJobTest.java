package dev.custodian.server.commit.scp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.jobs.StepResult;
import dev.custodian.stgcmt.SopReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The StorageCommitmentScp job and its SQL on the default SQLite index. */
class SqliteScpJobTest extends ScpJobContractTest {
    @TempDir
    Path dir;

    @Override
    IndexDatabase openDatabase() {
        return IndexDatabase.sqlite(dir.resolve("index.db"));
    }

    /** A full disk, as SQLite reports it, played by a trigger that refuses the ledger's inserts. */
    @Test
    void aRefusedWriteOfTheResultsIsRetriedWithBackOffAndTheReportStillGoesOut() throws Exception {
        stored(CT, "1.2.9.1");
        List<SopReference> refs = List.of(new SopReference(CT, "1.2.9.1"), new SopReference(CT, "1.2.9.2"));
        ScpJob job = submit("1.9.9", refs, false);
        db.jdbi().useHandle(h -> h.execute("CREATE TRIGGER full_disk BEFORE INSERT ON commitment_ledger "
                + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"));

        StepResult first = job.step(context());
        StepResult second = job.step(context());
        assertThat(first).isInstanceOfSatisfying(StepResult.Retry.class, r -> {
            assertThat(r.delay()).isEqualTo(Duration.ofMillis(10));
            assertThat(r.reason()).contains("database or disk is full");
        });
        assertThat(second).isInstanceOfSatisfying(StepResult.Retry.class,
                r -> assertThat(r.delay()).isEqualTo(Duration.ofMillis(20)));
        assertThat(job.content().get("LastError").asText()).contains("database or disk is full");
        assertThat(job.state().phase()).isEqualTo(ScpJobState.Phase.CHECK);
        assertThat(job.state().cursor()).isZero();
        List<CommitmentStore.Row> rows = new ArrayList<>();
        store.forEachRow(jobId, rows::add);
        assertThat(rows).extracting(CommitmentStore.Row::result).containsOnlyNulls();
        assertThat(ledgerRows()).isZero();

        db.jdbi().useHandle(h -> h.execute("DROP TRIGGER full_disk"));
        runChecks(job);
        outcomes.add(DeliveryAttempt.Outcome.ok());
        assertThat(job.step(context())).isInstanceOf(StepResult.Success.class);
        assertThat(delivered.get(0)).containsExactly(refs.get(0));
        assertThat(delivered.get(1)).containsExactly(refs.get(1));
        assertThat(ledgerRows()).isEqualTo(1);
        assertThat(job.content().get("LastError").asText()).isEmpty();
    }
}
