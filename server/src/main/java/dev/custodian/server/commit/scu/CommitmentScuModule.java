package dev.custodian.server.commit.scu;

import dev.custodian.dicom.data.UuidUidGenerator;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Modalities;
import dev.custodian.stgcmt.ActionInformationCodec;
import dev.custodian.stgcmt.EventInformationCodec;
import dev.custodian.stgcmt.StorageCommitment;
import dev.custodian.stgcmt.StorageCommitmentScu;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SCU side wired together for the application: the store, the recorder behind the
 * N-EVENT-REPORT receiver of {@code DicomPort} ({@link #register}) and of our own N-ACTION
 * associations, the request service, the release, and the deadline sweeper. Its threads:
 * {@code stgcmt-scu-N} (completes report futures and releases lingering associations) and
 * {@code stgcmt-scu-deadline}.
 */
public final class CommitmentScuModule implements AutoCloseable {
    /** How often overdue transactions are looked for. */
    static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);

    private final ScuTransactionStore store;
    private final ScuSettings settings;
    private final ReportSignals signals = new ReportSignals();
    private final ExecutorService executor;
    private final StorageCommitmentScu scu;
    private final DeadlineSweeper sweeper;
    private final Release release;
    private final Clock clock;

    public CommitmentScuModule(CustodianConfig config, IndexDatabase database, Modalities modalities, Archive archive,
                               Clock clock) {
        this.clock = clock;
        this.store = new ScuTransactionStore(database);
        this.settings = ScuSettings.of(config);
        ReportRecorder recorder = new ReportRecorder(store, modalities::all, settings, clock, signals);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> named(r, "stgcmt-scu-" + n.incrementAndGet()));
        this.scu = new StorageCommitmentScu(new ActionInformationCodec(), new EventInformationCodec(),
                settings.deadline(), settings.linger(), recorder, (report, aet) -> { }, executor);
        this.sweeper = new DeadlineSweeper(store, settings, clock, signals,
                Executors.newSingleThreadScheduledExecutor(r -> named(r, "stgcmt-scu-deadline")));
        this.release = new Release(archive, store);
    }

    private static Thread named(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Registers the N-EVENT-REPORT receiver (an {@code ArchiveScp.Services}). */
    public void register(ServiceRegistry.Builder registry) {
        registry.eventReport(StorageCommitment.SOP_CLASS_UID, scu.eventReportHandler());
    }

    /** The request service, sending through {@code modalityScu}'s client settings. */
    public StorageCommitments commitments(ModalityScu modalityScu) {
        return new StorageCommitments(store, new NetworkActionSender(modalityScu, scu), settings, clock,
                new UuidUidGenerator());
    }

    public CommitmentScuModule start() {
        sweeper.start(SWEEP_PERIOD);
        return this;
    }

    public ScuTransactionStore store() {
        return store;
    }

    public ScuSettings settings() {
        return settings;
    }

    public ReportSignals signals() {
        return signals;
    }

    public Release release() {
        return release;
    }

    @Override
    public void close() {
        sweeper.close();
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
