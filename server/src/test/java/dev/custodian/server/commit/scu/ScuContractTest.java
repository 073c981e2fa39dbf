package dev.custodian.server.commit.scu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.data.UidGenerator;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SCU's rows, the recorder and the request service on one database dialect (subclasses: SQLite, PostgreSQL). */
abstract class ScuContractTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final RemoteModality PACS = RemoteModality.of("PACS", "127.0.0.1", 104);

    final AtomicLong now = new AtomicLong(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    final AtomicInteger uidCounter = new AtomicInteger();
    final UidGenerator uids = () -> "2.25." + (1000 + uidCounter.incrementAndGet());
    final List<CommitmentRequest> sent = new ArrayList<>();
    final List<String> refusals = new ArrayList<>();
    final ScuSettings settings = new ScuSettings("CUSTODIAN", Duration.ofMinutes(10), Duration.ZERO, 2,
            Duration.ofSeconds(1), 3);
    final ReportSignals signals = new ReportSignals();

    IndexDatabase db;
    ScuTransactionStore store;
    ReportRecorder recorder;
    StorageCommitments commitments;

    abstract IndexDatabase openDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
        store = new ScuTransactionStore(db);
        recorder = new ReportRecorder(store, () -> Map.of("pacs", PACS), settings, clock, signals);
        commitments = new StorageCommitments(store, (m, timeout, part) -> {
            // the rows exist before the N-ACTION goes out
            assertThat(ownerOf(part)).isNotNull();
            if (!refusals.isEmpty()) {
                throw new java.io.IOException(refusals.remove(0));
            }
            sent.add(part);
        }, settings, clock, uids);
    }

    private String ownerOf(CommitmentRequest part) {
        return store.list(new ScuTransactionStore.Filter(null, null, null, null, 0, 100)).stream()
                .filter(t -> store.references(t.uid()).stream().anyMatch(r -> r.partUid().equals(part.transactionUid())))
                .findFirst().orElseThrow().uid();
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    static SopReference sop(int n) {
        return new SopReference(CT, "1.2.3." + n);
    }

    static List<StorageCommitments.Item> items(int count) {
        List<StorageCommitments.Item> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(new StorageCommitments.Item(sop(i), "id-" + i));
        }
        return out;
    }

    ScuTransaction request(int count) throws Exception {
        return commitments.request("pacs", PACS, "CUSTODIAN", items(count), "REST API", Duration.ofSeconds(5));
    }

    @Test
    void aLargeRequestGoesAsSeveralActionsAndIsOneTransaction() throws Exception {
        ScuTransaction t = request(5);

        assertThat(t.status()).isEqualTo(ScuStatus.PENDING);
        assertThat(t.parts()).isEqualTo(3);
        assertThat(t.partsSent()).isEqualTo(3);
        assertThat(sent).extracting(p -> p.references().size()).containsExactly(2, 2, 1);
        assertThat(sent.get(0).transactionUid()).isEqualTo(t.uid());
        assertThat(store.references(t.uid())).extracting(r -> r.sop().sopInstanceUid())
                .containsExactly("1.2.3.1", "1.2.3.2", "1.2.3.3", "1.2.3.4", "1.2.3.5");

        recorder.onReport(new CommitmentReport(sent.get(0).transactionUid(), null, sent.get(0).references(), List.of()),
                "PACS");
        recorder.onReport(new CommitmentReport(sent.get(2).transactionUid(), "PACS", sent.get(2).references(), List.of()),
                "PACS");
        assertThat(store.find(t.uid()).orElseThrow().status()).isEqualTo(ScuStatus.PENDING);
        recorder.onReport(new CommitmentReport(sent.get(1).transactionUid(), null, List.of(sop(3)),
                List.of(new FailedReference(sop(4), FailureReason.NO_SUCH_OBJECT_INSTANCE))), "PACS");

        ScuTransaction done = store.find(t.uid()).orElseThrow();
        assertThat(done.status()).isEqualTo(ScuStatus.FAILURE);
        assertThat(done.reports()).isEqualTo(3);
        assertThat(done.retrieveAet()).isEqualTo("PACS");
        assertThat(done.completionMillis()).isEqualTo(now.get());
        assertThat(store.references(t.uid())).filteredOn(r -> r.result() == ScuReference.Result.FAILED)
                .singleElement().satisfies(r -> {
                    assertThat(r.sop()).isEqualTo(sop(4));
                    assertThat(r.failureReason().code()).isEqualTo(0x0112);
                });
    }

    @Test
    void everyInstanceCommittedIsSuccessAndASecondReportIsNotApplied() throws Exception {
        ScuTransaction t = request(2);
        recorder.onReport(new CommitmentReport(t.uid(), null, List.of(sop(1), sop(2)), List.of()), "PACS");
        assertThat(store.find(t.uid()).orElseThrow().status()).isEqualTo(ScuStatus.SUCCESS);

        recorder.onReport(new CommitmentReport(t.uid(), null, List.of(sop(1)),
                List.of(new FailedReference(sop(2), FailureReason.PROCESSING_FAILURE))), "PACS");

        assertThat(store.find(t.uid()).orElseThrow().status()).isEqualTo(ScuStatus.SUCCESS);
        assertThat(store.find(t.uid()).orElseThrow().reports()).isEqualTo(1);
        assertThat(store.references(t.uid())).allMatch(r -> r.result() == ScuReference.Result.COMMITTED);
    }

    @Test
    void aReportNamingInstancesWeNeverAskedAboutIsRefusedAndChangesNothing() throws Exception {
        ScuTransaction t = request(2);

        assertThatThrownBy(() -> recorder.onReport(new CommitmentReport(t.uid(), null, List.of(sop(1), sop(9)),
                List.of()), "PACS")).isInstanceOfSatisfying(DimseFailure.class,
                        f -> assertThat(f.status().code()).isEqualTo(0x0115));
        assertThatThrownBy(() -> recorder.onReport(new CommitmentReport(t.uid(), null, List.of(sop(1)),
                List.of(new FailedReference(new SopReference("1.2.9", "1.2.3.2"), FailureReason.PROCESSING_FAILURE))),
                "PACS")).isInstanceOf(DimseFailure.class);

        assertThat(store.find(t.uid()).orElseThrow().status()).isEqualTo(ScuStatus.PENDING);
        assertThat(store.references(t.uid())).allMatch(r -> r.result() == ScuReference.Result.PENDING);
    }

    @Test
    void aReportForAnUnknownTransactionIsKeptAsUnsolicited() throws Exception {
        recorder.onReport(new CommitmentReport("2.25.777", null, List.of(sop(1)),
                List.of(new FailedReference(sop(2), FailureReason.RESOURCE_LIMITATION))), "PACS");

        ScuTransaction t = store.find("2.25.777").orElseThrow();
        assertThat(t.solicited()).isFalse();
        assertThat(t.modality()).isEqualTo("pacs");
        assertThat(t.status()).isEqualTo(ScuStatus.FAILURE);
        assertThat(store.references("2.25.777")).hasSize(2);
    }

    @Test
    void aReportFromAnAeThatIsNotAnAllowedModalityIsRefusedAndNotStored() {
        assertThatThrownBy(() -> recorder.onReport(new CommitmentReport("2.25.778", null, List.of(sop(1)), List.of()),
                "STRANGER")).isInstanceOfSatisfying(DimseFailure.class,
                        f -> assertThat(f.status().code()).isEqualTo(0x0124));
        assertThat(store.find("2.25.778")).isEmpty();
    }

    @Test
    void noReportByTheDeadlineIsTimeoutAndALateReportIsNotApplied() throws Exception {
        ScuTransaction t = request(1);
        DeadlineSweeper sweeper = new DeadlineSweeper(store, settings, clock, signals,
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
        sweeper.sweep();
        assertThat(store.find(t.uid()).orElseThrow().status()).isEqualTo(ScuStatus.PENDING);

        now.addAndGet(settings.deadline().toMillis());
        sweeper.sweep();
        sweeper.close();
        assertThat(store.find(t.uid()).orElseThrow().status()).isEqualTo(ScuStatus.TIMEOUT);

        recorder.onReport(new CommitmentReport(t.uid(), null, List.of(sop(1)), List.of()), "PACS");
        assertThat(store.find(t.uid()).orElseThrow().status()).isEqualTo(ScuStatus.TIMEOUT);
        assertThat(store.references(t.uid())).allMatch(r -> r.result() == ScuReference.Result.PENDING);
    }

    @Test
    void retentionKeepsTheNewestFinishedAndEveryPendingTransaction() throws Exception {
        List<String> finished = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ScuTransaction t = request(1);
            recorder.onReport(new CommitmentReport(t.uid(), null, List.of(sop(1)), List.of()), "PACS");
            finished.add(t.uid());
        }
        ScuTransaction pending = request(1);

        assertThat(store.trimFinished(3)).isEqualTo(2);

        assertThat(store.find(finished.get(0))).isEmpty();
        assertThat(store.references(finished.get(0))).isEmpty();
        assertThat(store.find(finished.get(2))).isPresent();
        assertThat(store.find(pending.uid())).isPresent();
    }

    @Test
    void aRefusedFirstActionLeavesNothingAndARefusedLaterPartIsRetriedAlone() throws Exception {
        refusals.add("association with PACS failed: Connection refused");
        assertThatThrownBy(() -> request(1)).isInstanceOf(CommitmentSendException.class)
                .hasMessageContaining("Connection refused");
        assertThat(store.list(new ScuTransactionStore.Filter(null, null, null, null, 0, 10))).isEmpty();

        String uid = commitments.newUid();
        commitments.create(uid, "pacs", PACS, "CUSTODIAN", items(3), "job 1");
        sent.clear();
        // first part accepted, second refused
        commitments = new StorageCommitments(store, new FlakySender(), settings, clock, uids);
        assertThatThrownBy(() -> commitments.send(uid, PACS, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(CommitmentSendException.class, e -> assertThat(e.sent()).isEqualTo(1));
        assertThat(store.find(uid).orElseThrow().lastError()).isEqualTo("second part refused");
        commitments.send(uid, PACS, Duration.ofSeconds(1));
        ScuTransaction t = store.find(uid).orElseThrow();
        assertThat(t.partsSent()).isEqualTo(2);
        assertThat(t.lastError()).isEmpty();
    }

    /** Accepts, refuses, then accepts again. */
    private final class FlakySender implements ActionSender {
        int calls;

        @Override
        public void send(RemoteModality remote, Duration timeout, CommitmentRequest part) throws Exception {
            if (++calls == 2) {
                throw new java.io.IOException("second part refused");
            }
            sent.add(part);
        }
    }

    @Test
    void listFiltersByStatusModalityAndTimeAndPages() throws Exception {
        ScuTransaction a = request(1);
        now.addAndGet(60_000);
        ScuTransaction b = request(1);
        recorder.onReport(new CommitmentReport(b.uid(), null, List.of(sop(1)), List.of()), "PACS");

        assertThat(store.list(new ScuTransactionStore.Filter(ScuStatus.SUCCESS, null, null, null, 0, 10)))
                .extracting(ScuTransaction::uid).containsExactly(b.uid());
        assertThat(store.list(new ScuTransactionStore.Filter(null, "pacs", null, a.creationMillis() + 1, 0, 10)))
                .extracting(ScuTransaction::uid).containsExactly(a.uid());
        assertThat(store.list(new ScuTransactionStore.Filter(null, "other", null, null, 0, 10))).isEmpty();
        assertThat(store.list(new ScuTransactionStore.Filter(null, null, null, null, 1, 1)))
                .extracting(ScuTransaction::uid).containsExactly(b.uid());
    }
}
