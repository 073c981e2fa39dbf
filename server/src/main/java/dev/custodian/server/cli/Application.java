package dev.custodian.server.cli;

import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.Ingest;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.rest.RestServer;
import dev.custodian.server.store.FileSystemStorageArea;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Custodian: storage area, index, REST server. Closing stops them in reverse order. */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final CustodianConfig config;
    private final IndexDatabase database;
    private final Archive archive;
    private final Modalities modalities;
    private final RestServer rest;
    private final Thread sweeper;

    /**
     * Files renamed into the storage area this long before start without an index row are
     * orphans of a crash; younger ones may belong to an ingest in flight on another node.
     */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private Application(CustodianConfig config, IndexDatabase database, Archive archive, Modalities modalities,
                        RestServer rest, Thread sweeper) {
        this.config = config;
        this.database = database;
        this.archive = archive;
        this.modalities = modalities;
        this.rest = rest;
        this.sweeper = sweeper;
    }

    /** Opens storage and index (migrating the schema) and starts the HTTP server. */
    public static Application start(CustodianConfig config, String version, Clock clock, RestServer.Routes... extraRoutes)
            throws IOException {
        FileSystemStorageArea storage = FileSystemStorageArea.open(config.storageDirectory(),
                config.minimumFreeDiskSpaceMb() * 1024 * 1024);
        int stray = storage.removeTemporaryFiles();
        if (stray > 0) {
            LOG.info("removed {} unfinished temporary files from {}", stray, storage.root());
        }
        IndexDatabase database = IndexDatabase.open(config);
        try {
            Index index = new Index(database, clock, config.maximumStorageBytes());
            Archive archive = new Archive(storage, index, config.overwriteInstances());
            Modalities modalities = new Modalities(config.dicomModalities(), index);
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            RestServer rest = new RestServer(config, archive, modalities, version, metrics, clock, extraRoutes).start();
            if (config.authenticationEnabled() && config.registeredUsers().isEmpty()) {
                LOG.warn("AuthenticationEnabled is true but RegisteredUsers is empty: every HTTP request will be refused");
            }
            Thread sweeper = new Thread(() -> sweep(archive, clock.instant().minus(ORPHAN_AGE)), "storage-sweep");
            sweeper.start();
            return new Application(config, database, archive, modalities, rest, sweeper);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static void sweep(Archive archive, Instant before) {
        try {
            long removed = archive.removeUnindexedFiles(before);
            if (removed > 0) {
                LOG.warn("removed {} stored files that no index row refers to (left by an interrupted ingest)", removed);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("sweep of unindexed files failed: {}", e.toString());
        }
    }

    public CustodianConfig config() {
        return config;
    }

    public Archive archive() {
        return archive;
    }

    /** The C-STORE SCP's storage step, for the DICOM service. */
    public Ingest ingest() {
        return new Ingest(archive);
    }

    public Modalities modalities() {
        return modalities;
    }

    public int httpPort() {
        return rest.port();
    }

    public String indexDescription() {
        return database.description();
    }

    /** Stops HTTP, then (later) DICOM, then closes the database. */
    @Override
    public void close() {
        try {
            rest.close();
            sweeper.interrupt();
            sweeper.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            database.close();
        }
        LOG.info("Custodian stopped");
    }
}
