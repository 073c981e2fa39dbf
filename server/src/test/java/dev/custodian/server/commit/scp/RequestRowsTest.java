package dev.custodian.server.commit.scp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.jobs.JobsEngine;
import dev.custodian.stgcmt.SopReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request's rows on a real SQLite index: no write lock while references arrive, all or nothing after. */
class RequestRowsTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path dir;

    private IndexDatabase db;
    private CommitmentStore store;

    @BeforeEach
    void open() {
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        store = new CommitmentStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void whileManyReferencesArriveOthersCanStillWriteThenAllAreCommittedInOrder() throws Exception {
        String jobId = JobsEngine.newId();
        RequestRows rows = rows(jobId);
        for (int i = 0; i < 5_500; i++) {
            rows.add(new SopReference(CT, "1.2.3." + i));
        }
        assertThat(spools(jobId)).hasSize(1);
        // another writer (a C-STORE's group commit) is not blocked by the request still arriving
        db.jdbi().useTransaction(h -> h.execute("CREATE TABLE other_writer (x INTEGER)"));

        rows.commit(h -> store.complete(h, transaction(jobId, 5_500)));

        List<CommitmentStore.Row> saved = new ArrayList<>();
        store.forEachRow(jobId, saved::add);
        assertThat(saved).hasSize(5_500);
        for (int i = 0; i < saved.size(); i++) {
            assertThat(saved.get(i).reference().sopInstanceUid()).isEqualTo("1.2.3." + i);
        }
        assertThat(spools(jobId)).isEmpty();
    }

    @Test
    void anAbandonedOrFailedRequestLeavesNoRowAndNoSpool() throws Exception {
        String abandoned = JobsEngine.newId();
        RequestRows rows = rows(abandoned);
        for (int i = 0; i < 2_500; i++) {
            rows.add(new SopReference(CT, "1.2.4." + i));
        }
        assertThat(spools(abandoned)).hasSize(1);
        rows.abandon();
        assertThat(spools(abandoned)).isEmpty();

        String failing = JobsEngine.newId();
        RequestRows failed = rows(failing);
        for (int i = 0; i < 2_500; i++) {
            failed.add(new SopReference(CT, "1.2.5." + i));
        }
        try {
            failed.commit(h -> {
                throw new IllegalStateException("the job row could not be written");
            });
        } catch (IllegalStateException expected) {
            // the caller answers 0213H
        }
        assertThat(spools(failing)).isEmpty();
        long count = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM commitment_references")
                .mapTo(Long.class).one());
        assertThat(count).isZero();
    }

    private RequestRows rows(String jobId) {
        return new RequestRows(store, jobId, "MODALITY", "CUSTODIAN", "modality", "File", 1L);
    }

    private static ScpTransaction transaction(String jobId, int count) {
        return new ScpTransaction(jobId, "1.2.826.0.1." + count, "MODALITY", "CUSTODIAN", "modality", "File", count,
                false, 1L);
    }

    private static List<Path> spools(String jobId) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("custodian-stgcmt-" + jobId)).toList();
        }
    }
}
