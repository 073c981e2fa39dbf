package dev.custodian.server.cli;

import dev.custodian.server.commit.plugin.LoadedPlugins;
import dev.custodian.server.commit.scu.CommitmentScuModule;
import dev.custodian.server.commit.scu.JobCommitment;
import dev.custodian.server.commit.scu.StorageCommitments;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.dicom.ArchiveScp;
import dev.custodian.server.dicom.DicomThreads;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Ingest;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.index.Recovery;
import dev.custodian.server.index.Verifications;
import dev.custodian.server.commit.check.CommitmentChecks;
import dev.custodian.server.commit.scp.CommitmentScp;
import dev.custodian.server.dicom.StoringAssociations;
import dev.custodian.server.jobs.JobStore;
import dev.custodian.server.jobs.JobType;
import dev.custodian.server.rest.CommitmentRoutes;
import java.util.concurrent.ExecutorService;
import dev.custodian.server.jobs.JobTypes;
import dev.custodian.server.jobs.JobsEngine;
import dev.custodian.server.jobs.JobsSettings;
import dev.custodian.server.jobs.StoreJobType;
import dev.custodian.server.rest.JobRoutes;
import dev.custodian.server.rest.DicomRoutes;
import dev.custodian.server.rest.RestServer;
import dev.custodian.server.rest.StorageCommitmentRoutes;
import dev.custodian.server.rest.VerifyRoutes;
import dev.custodian.server.rest.SummaryRoutes;
import dev.custodian.server.store.FileSystemStorageArea;
import dev.custodian.server.tls.DicomTls;
import dev.custodian.server.verify.StorageVerificationJobType;
import dev.custodian.server.verify.VerificationSchedule;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Custodian: storage area, index, DICOM listener, jobs engine, REST server. Start-up
 * recovers what a crash left (temporary files removed, complete files without index rows
 * re-indexed) before accepting anything; closing stops HTTP, then the jobs (each finishes its
 * step and goes back to Pending), then DICOM, then closes the database.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    /**
     * With a shared (PostgreSQL) index, files younger than this may belong to an ingest in flight
     * on another node sharing the storage area: recovery leaves them alone.
     */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);
    private static final Duration DICOM_GRACE = Duration.ofSeconds(10);

    private final CustodianConfig config;
    private final IndexDatabase database;
    private final Archive archive;
    private final Modalities modalities;
    private final DicomThreads threads;
    private final ArchiveScp scp;
    private final JobsEngine jobs;
    private final RestServer rest;
    private final RunMarker marker;
    private final LoadedPlugins plugins;
    private final CommitmentScuModule commitmentScu;
    /** The periodic storage verification, or null when {@code StorageVerificationPeriod} is 0. */
    private final VerificationSchedule schedule;

    private Application(CustodianConfig config, IndexDatabase database, Archive archive, Modalities modalities,
                        DicomThreads threads, ArchiveScp scp, JobsEngine jobs, RestServer rest, RunMarker marker,
                        LoadedPlugins plugins, CommitmentScuModule commitmentScu, VerificationSchedule schedule) {
        this.commitmentScu = commitmentScu;
        this.schedule = schedule;
        this.config = config;
        this.database = database;
        this.archive = archive;
        this.modalities = modalities;
        this.threads = threads;
        this.scp = scp;
        this.jobs = jobs;
        this.rest = rest;
        this.marker = marker;
        this.plugins = plugins;
    }

    /** Opens storage and index (migrating the schema), recovers, starts DICOM on all interfaces and HTTP. */
    public static Application start(CustodianConfig config, String version, Clock clock, RestServer.Routes... extraRoutes)
            throws IOException {
        return start(config, "0.0.0.0", version, clock, extraRoutes);
    }

    /** As {@link #start(CustodianConfig, String, Clock, RestServer.Routes...)} with DICOM on {@code dicomBindAddress}. */
    public static Application start(CustodianConfig config, String dicomBindAddress, String version, Clock clock,
                                    RestServer.Routes... extraRoutes) throws IOException {
        LoadedPlugins plugins = LoadedPlugins.load(config.plugins(), config.dicomAet());
        try {
            // as in Orthanc, a loaded plug-in is the default check unless StorageCommitmentCheck names one
            String check = plugins.defaultCheck(config.storageCommitment().check(), config.plugins().checkNamed());
            CustodianConfig effective = config.withStorageCommitment(config.storageCommitment().withCheck(check));
            return start(effective, dicomBindAddress, version, clock, plugins, extraRoutes);
        } catch (IOException | RuntimeException e) {
            plugins.close();
            throw e;
        }
    }

    private static Application start(CustodianConfig config, String dicomBindAddress, String version, Clock clock,
                                     LoadedPlugins plugins, RestServer.Routes... extraRoutes) throws IOException {
        FileSystemStorageArea storage = FileSystemStorageArea.open(config.storageDirectory(),
                config.minimumFreeDiskSpaceMb() * 1024 * 1024);
        int stray = storage.removeTemporaryFiles();
        if (stray > 0) {
            LOG.info("removed {} unfinished temporary files from {}", stray, storage.root());
        }
        IndexDatabase database = IndexDatabase.open(config);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Index index = new Index(database, clock, config.maximumStorageBytes());
            Archive archive = new Archive(storage, index, config.overwriteInstances());
            CommitmentChecks checks = CommitmentChecks.builtIn(index, storage).with(plugins.checks());
            // a modality added at run time must name a check this server has, as the file's must at start
            Modalities modalities = new Modalities(config.dicomModalities(), index, m -> {
                if (m.storageCommitmentCheck() != null) {
                    checks.require(m.storageCommitmentCheck(), "StorageCommitmentCheck");
                }
            });
            RunMarker marker = new RunMarker(config.indexDirectory());
            recover(config, archive, marker, clock);
            marker.running(clock.instant());
            DicomTls tls = DicomTls.load(config.dicomTls(), clock);
            DicomThreads threads = new DicomThreads();
            started.add(threads);
            ModalityScu scu = new ModalityScu(config.dicomAet(), config.dicomScuTimeoutSeconds(),
                    config.maximumPduLength(), archive, threads, tls);
            CommitmentScuModule commitmentScu = new CommitmentScuModule(config, database, modalities, archive, clock);
            started.add(commitmentScu);
            StorageCommitments commitments = commitmentScu.commitments(scu);
            StoreJobType storeJobs = new StoreJobType(scu, modalities, StoreJobType.DEFAULT_BATCH,
                    new JobCommitment(commitments, index, commitmentScu.signals(), commitmentScu.release(), scu));
            StorageVerificationJobType verifyJobs = new StorageVerificationJobType(new Verifications(database, clock),
                    storage, config.storageVerification().bytesPerSecond(), StorageVerificationJobType.DEFAULT_BATCH);
            StoringAssociations storing = new StoringAssociations();
            // daemon: it only releases report associations, which the DICOM close would abort anyway
            ExecutorService reportReleases = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "stgcmt-report-release");
                t.setDaemon(true);
                return t;
            });
            started.add(reportReleases::shutdownNow);
            CommitmentScp commitment = new CommitmentScp(config, database, checks, modalities, storing,
                    threads.runtime(), reportReleases, clock, tls);
            JobsEngine jobs = startJobs(config, database, clock, List.of(storeJobs, commitment.jobType(), verifyJobs));
            started.add(jobs);
            VerificationSchedule schedule = config.storageVerification().periodHours() == 0 ? null
                    : VerificationSchedule.start(jobs, verifyJobs,
                            Duration.ofHours(config.storageVerification().periodHours()),
                            Executors.newSingleThreadScheduledExecutor(named("verify-schedule")));
            if (schedule != null) {
                started.add(schedule);
            }
            ArchiveScp scp = ArchiveScp.start(config, dicomBindAddress, modalities, new Ingest(archive), clock, threads,
                    tls, storing, commitment.service(jobs), commitmentScu::register);
            started.add(scp);
            commitmentScu.start();
            CommitmentRoutes commitmentRoutes = new CommitmentRoutes(commitment, index);
            VerifyRoutes verifyRoutes = new VerifyRoutes(jobs, verifyJobs);
            List<RestServer.Routes> routes = new ArrayList<>(List.of(extraRoutes));
            routes.add(new DicomRoutes(modalities, scu, jobs, storeJobs, index, commitments));
            routes.add(new JobRoutes(jobs, clock, commitmentRoutes, verifyRoutes.report()));
            routes.add(commitmentRoutes);
            routes.add(new StorageCommitmentRoutes(modalities, scu, index, commitments, commitmentScu.release()));
            routes.add(verifyRoutes);
            routes.add(new SummaryRoutes(config, archive.index(), jobs, scp::openAssociations, clock));
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            RestServer rest = new RestServer(config, archive, modalities, version, metrics, clock,
                    routes.toArray(RestServer.Routes[]::new)).start();
            if (config.authenticationEnabled() && config.registeredUsers().isEmpty()) {
                LOG.warn("AuthenticationEnabled is true but RegisteredUsers is empty: every HTTP request will be refused");
            }
            return new Application(config, database, archive, modalities, threads, scp, jobs, rest, marker, plugins,
                    commitmentScu, schedule);
        } catch (IOException | RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                closeQuietly(started.get(i));
            }
            database.close();
            storage.close();
            throw e;
        }
    }

    /** The jobs engine on its named threads: {@code jobs-worker-N} ({@code ConcurrentJobs}) and {@code jobs-lease}. */
    private static JobsEngine startJobs(CustodianConfig config, IndexDatabase database, Clock clock,
                                        List<JobType> types) {
        JobsSettings settings = JobsSettings.of(config.jobs().workers(), config.jobs().historySize(),
                config.jobs().saveJobs());
        return new JobsEngine(new JobStore(database), new JobTypes(types), settings, clock,
                Executors.newFixedThreadPool(settings.concurrentJobs(), named("jobs-worker")),
                Executors.newSingleThreadScheduledExecutor(named("jobs-lease"))).start();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> new Thread(r, prefix + "-" + n.incrementAndGet());
    }

    /**
     * After an unclean stop, files written since the interrupted run started and not indexed are
     * re-indexed (or removed if unreadable). Runs before any association or upload is accepted.
     */
    private static void recover(CustodianConfig config, Archive archive, RunMarker marker, Clock clock)
            throws IOException {
        Optional<Instant> since = marker.uncleanRunStart();
        if (since.isEmpty()) {
            return;
        }
        Instant before = config.usesPostgresIndex() ? clock.instant().minus(ORPHAN_AGE) : Instant.MAX;
        long t0 = System.nanoTime();
        Recovery.Result r = new Recovery(archive).run(since.get(), before);
        boolean noMarker = since.get().equals(Instant.MIN); // a first start, or a version before the marker
        if (noMarker && r.reindexed() + r.duplicates() + r.removed() == 0) {
            LOG.debug("first start on {}: no unindexed file in the storage area", config.storageDirectory());
            return;
        }
        LOG.info("recovery after {}: {} files re-indexed, {} duplicates and {} unreadable files removed "
                        + "({} ms, files modified since {})", noMarker ? "a start without run marker" : "an unclean stop",
                r.reindexed(), r.duplicates(), r.removed(), (System.nanoTime() - t0) / 1_000_000,
                noMarker ? "ever" : since.get());
    }

    public CustodianConfig config() {
        return config;
    }

    public Archive archive() {
        return archive;
    }

    public Modalities modalities() {
        return modalities;
    }

    /** The storage commitment check plug-ins of the {@code Plugins} key. */
    public LoadedPlugins plugins() {
        return plugins;
    }

    public int httpPort() {
        return rest.port();
    }

    public int dicomPort() {
        return scp.port();
    }

    public String indexDescription() {
        return database.description();
    }

    /** Stops HTTP, then the jobs (persisted at their last step), then DICOM (open associations get a grace period), then closes the database. */
    @Override
    public void close() {
        try {
            rest.close();
            if (schedule != null) {
                schedule.close();
            }
            jobs.close();
            plugins.close();
            scp.close(DICOM_GRACE);
            commitmentScu.close();
            threads.close();
            if (archive.storage() instanceof AutoCloseable storage) {
                closeQuietly(storage);
            }
        } finally {
            database.close();
        }
        try {
            marker.clean();
        } catch (IOException e) {
            LOG.warn("could not record the clean stop: {}", e.toString());
        }
        LOG.info("Custodian stopped");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {}: {}", c, e.toString());
        }
    }
}
