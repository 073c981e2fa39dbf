package dev.custodian.server.commit.scp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.server.commit.check.CommitmentChecks;
import dev.custodian.server.config.StorageCommitmentConfig;
import dev.custodian.server.dicom.StoringAssociations;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.InstanceAttributes;
import dev.custodian.server.index.MainDicomTag;
import dev.custodian.server.index.Reception;
import dev.custodian.server.jobs.Job;
import dev.custodian.server.jobs.JobContext;
import dev.custodian.server.jobs.JobsEngine;
import dev.custodian.server.jobs.StepResult;
import dev.custodian.server.store.InMemoryStorageArea;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.SopReference;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code StorageCommitmentScp} job on a real index database (SQLite and PostgreSQL
 * subclasses): rows in, verdicts and ledger out in batches, the report's items streamed in order,
 * delivery retried with back-off until the deadline or a refusal limit, a duplicate Transaction
 * UID failed with 0131H, and a state that stays small however many references there are.
 */
abstract class ScpJobContractTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";

    IndexDatabase db;
    Archive archive;
    CommitmentStore store;
    InMemoryStorageArea storage;
    final Deque<DeliveryAttempt.Outcome> outcomes = new ArrayDeque<>();
    final List<List<SopReference>> delivered = new ArrayList<>();
    Instant now = Instant.parse("2026-12-01T12:00:00Z");

    abstract IndexDatabase openDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
        storage = new InMemoryStorageArea();
        archive = new Archive(storage, new Index(db, Clock.systemUTC(), 0), false);
        store = new CommitmentStore(db);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        dropDatabase();
    }

    /** After the database is closed. */
    void dropDatabase() throws Exception {
    }

    @Test
    void checksInBatchesRecordsTheLedgerAndReportsEveryReference() throws Exception {
        List<SopReference> refs = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            refs.add(new SopReference(CT, "1.2.3." + i));
        }
        for (int i = 0; i < 2_500; i += 100) {
            stored(CT, "1.2.3." + i);
        }
        ScpJob job = submit("1.9.1", refs, false);
        int steps = runChecks(job);
        assertThat(steps).isEqualTo(3);
        assertThat(job.state().committed()).isEqualTo(25);
        assertThat(job.state().failed()).isEqualTo(2_475);
        outcomes.add(DeliveryAttempt.Outcome.ok());
        assertThat(job.step(context())).isInstanceOf(StepResult.Success.class);
        assertThat(delivered.get(0)).hasSize(25).first().isEqualTo(refs.get(0));
        assertThat(delivered.get(0).get(24)).isEqualTo(refs.get(2_400));
        assertThat(delivered.get(1)).hasSize(2_475).first().isEqualTo(refs.get(1));
        assertThat(ledgerRows()).isEqualTo(25);
        assertThat(job.content().get("Committed").asLong()).isEqualTo(25);
        assertThat(job.progress()).isEqualTo(100);
    }

    @Test
    void theSavedStateIsACursorNotTheReferences() throws Exception {
        List<SopReference> refs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // 100,000 end to end: CommitmentScpRequesterIT
            refs.add(new SopReference(CT, "1.2.840.99999.1.2.3.4.5.6.7.8.9." + i));
        }
        long t0 = System.nanoTime();
        ScpJob job = submit("1.9.2", refs, false);
        int before = job.serialize().toString().length();
        assertThat(runChecks(job)).isEqualTo(20);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(job.serialize().toString().length()).isLessThan(before + 64).isLessThan(1_000);
        assertThat(job.state().failed()).isEqualTo(20_000);
        assertThat(ms).as("20,000 references saved and checked").isLessThan(60_000);
    }

    @Test
    void deliveryIsRetriedWithExponentialBackOffThenSucceeds() throws Exception {
        stored(CT, "1.2.4.1");
        ScpJob job = submit("1.9.3", List.of(new SopReference(CT, "1.2.4.1")), false);
        runChecks(job);
        outcomes.add(DeliveryAttempt.Outcome.failedWith("connection refused"));
        outcomes.add(DeliveryAttempt.Outcome.failedWith("connection refused"));
        outcomes.add(DeliveryAttempt.Outcome.ok());
        StepResult first = job.step(context());
        StepResult second = job.step(context());
        assertThat(first).isEqualTo(StepResult.retry(Duration.ofMillis(10), "connection refused"));
        assertThat(second).isEqualTo(StepResult.retry(Duration.ofMillis(20), "connection refused"));
        assertThat(job.content().get("LastError").asText()).isEqualTo("connection refused");
        assertThat(job.step(context())).isInstanceOf(StepResult.Success.class);
        assertThat(job.content().get("DeliveryAttempts").asInt()).isEqualTo(3);
        assertThat(job.content().get("LastError").asText()).isEmpty();
    }

    @Test
    void deliveryGivesUpAtTheDeadlineAndAfterRepeatedRefusals() throws Exception {
        stored(CT, "1.2.5.1");
        ScpJob late = submit("1.9.4", List.of(new SopReference(CT, "1.2.5.1")), false);
        runChecks(late);
        outcomes.add(DeliveryAttempt.Outcome.failedWith("refused"));
        assertThat(late.step(context())).isInstanceOf(StepResult.Retry.class);
        now = now.plus(Duration.ofHours(2));
        outcomes.add(DeliveryAttempt.Outcome.failedWith("refused"));
        assertThat(late.step(context())).isInstanceOf(StepResult.Failure.class);

        ScpJob refused = submit("1.9.5", List.of(new SopReference(CT, "1.2.5.1")), false);
        runChecks(refused);
        for (int i = 0; i < 3; i++) {
            outcomes.add(DeliveryAttempt.Outcome.refusedWith("N-EVENT-REPORT-RSP answered 0110H"));
        }
        assertThat(refused.step(context())).isInstanceOf(StepResult.Retry.class);
        assertThat(refused.step(context())).isInstanceOf(StepResult.Retry.class);
        StepResult last = refused.step(context());
        assertThat(last).isInstanceOf(StepResult.Failure.class);
        assertThat(((StepResult.Failure) last).error().details()).contains("0110H");
    }

    @Test
    void aDuplicateTransactionUidFailsEveryReferenceWith0131H() throws Exception {
        stored(CT, "1.2.6.1");
        List<SopReference> refs = List.of(new SopReference(CT, "1.2.6.1"), new SopReference(CT, "1.2.6.2"));
        ScpJob dup = submit("1.9.6", refs, true);
        runChecks(dup);
        outcomes.add(DeliveryAttempt.Outcome.ok());
        dup.step(context());
        assertThat(delivered.get(0)).isEmpty();
        assertThat(delivered.get(1)).containsExactlyElementsOf(refs);
        assertThat(failedReasons).containsOnly(0x0131);
        assertThat(ledgerRows()).isZero();
    }

    @Test
    void aRestoredJobContinuesFromItsCursor() throws Exception {
        List<SopReference> refs = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            refs.add(new SopReference(MR, "1.2.7." + i));
        }
        stored(MR, "1.2.7.1400");
        stored(CT, "1.2.7.1401");
        ScpJob job = submit("1.9.7", refs, false);
        job.step(context());
        Job restored = new ScpJobType(services()).restore(job.serialize());
        restored.step(context());
        assertThat(((ScpJob) restored).state().phase()).isEqualTo(ScpJobState.Phase.REPORT);
        assertThat(((ScpJob) restored).state().committed()).isEqualTo(1);
        List<CommitmentStore.Row> rows = new ArrayList<>();
        store.forEachRow(jobId, rows::add);
        assertThat(rows.get(1401).result()).isEqualTo(0x0119);
        assertThat(rows.get(1400).result()).isZero();
    }

    @Test
    void aResubmittedJobChecksAgainWithoutDuplicatingTheLedger() throws Exception {
        stored(CT, "1.2.8.1");
        List<SopReference> refs = List.of(new SopReference(CT, "1.2.8.1"), new SopReference(CT, "1.2.8.2"));
        ScpJob job = submit("1.9.8", refs, false);
        runChecks(job);
        outcomes.add(DeliveryAttempt.Outcome.refusedWith("0110H"));
        job.step(context());
        job.reset();
        assertThat(job.state()).isEqualTo(ScpJobState.initial());
        stored(CT, "1.2.8.2");
        runChecks(job);
        outcomes.add(DeliveryAttempt.Outcome.ok());
        assertThat(job.step(context())).isInstanceOf(StepResult.Success.class);
        assertThat(delivered.get(0)).containsExactlyElementsOf(refs);
        assertThat(ledgerRows()).isEqualTo(2);
        assertThat(job.content().get("DeliveryAttempts").asInt()).isEqualTo(1);
    }

    @Test
    void anInstanceNamedTwiceInOneRequestIsInTheLedgerOnce() throws Exception {
        stored(CT, "1.2.9.1");
        List<SopReference> refs = List.of(new SopReference(CT, "1.2.9.1"), new SopReference(CT, "1.2.9.2"),
                new SopReference(CT, "1.2.9.1"));
        ScpJob job = submit("1.9.9", refs, false);
        runChecks(job);
        assertThat(job.state().committed()).isEqualTo(2);
        assertThat(ledgerRows()).isEqualTo(1);
    }

    String jobId;
    final List<Integer> failedReasons = new ArrayList<>();

    ScpJob submit(String transactionUid, List<SopReference> refs, boolean duplicate) {
        jobId = JobsEngine.newId();
        ScpTransaction t = new ScpTransaction(jobId, transactionUid, "MODALITY", "CUSTODIAN", "modality", "File",
                refs.size(), duplicate, now.toEpochMilli());
        ScpJob job = (ScpJob) new ScpJobType(services()).create(t);
        db.jdbi().useTransaction(h -> store.insert(h, t, refs));
        return job;
    }

    ScpServices services() {
        StorageCommitmentConfig config = new StorageCommitmentConfig("File", 200_000, Duration.ofHours(1),
                Duration.ofMillis(10), Duration.ofSeconds(1), 3, Duration.ZERO);
        DeliveryAttempt delivery = (header, state, at) -> {
            List<SopReference> ok = new ArrayList<>();
            List<SopReference> ko = new ArrayList<>();
            try {
                store.reportItems(header.jobId()).committed(ok::add);
                store.reportItems(header.jobId()).failed((FailedReference f) -> {
                    ko.add(f.reference());
                    failedReasons.add(f.reason().code());
                });
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            delivered.clear();
            delivered.add(ok);
            delivered.add(ko);
            return outcomes.remove();
        };
        return new ScpServices(store, CommitmentChecks.builtIn(archive.index(), storage), delivery,
                new StoringAssociations(), new RequestSessions(), config);
    }

    int runChecks(ScpJob job) throws InterruptedException {
        int steps = 0;
        while (job.state().phase() == ScpJobState.Phase.CHECK) {
            assertThat(job.step(context())).isInstanceOf(StepResult.Continue.class);
            steps++;
        }
        return steps;
    }

    JobContext context() {
        return new JobContext(jobId, Clock.fixed(now, ZoneOffset.UTC), () -> false);
    }

    long ledgerRows() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM commitment_ledger").mapTo(Long.class).one());
    }

    void stored(String sopClass, String sopInstance) throws Exception {
        Map<MainDicomTag, String> v = new EnumMap<>(MainDicomTag.class);
        v.put(MainDicomTag.PATIENT_ID, "P");
        v.put(MainDicomTag.STUDY_INSTANCE_UID, "1.2.99.1");
        v.put(MainDicomTag.SERIES_INSTANCE_UID, "1.2.99.1.1");
        v.put(MainDicomTag.SOP_INSTANCE_UID, sopInstance);
        v.put(MainDicomTag.SOP_CLASS_UID, sopClass);
        archive.store(new ByteArrayInputStream(("content of " + sopInstance).getBytes()), new InstanceAttributes(v),
                Reception.rest("127.0.0.1", now));
        assertThat(archive.index().findInstanceBySopInstanceUid(sopInstance)).isPresent();
    }
}
