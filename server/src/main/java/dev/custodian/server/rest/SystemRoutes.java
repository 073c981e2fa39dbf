package dev.custodian.server.rest;

import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Statistics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/** {@code /system}, {@code /statistics} (Orthanc's shapes) and {@code /metrics} (Prometheus text). */
final class SystemRoutes {
    /** The Orthanc REST API level whose shapes we follow (Orthanc 1.12). */
    static final int API_VERSION = 22;

    private final CustodianConfig config;
    private final Index index;
    private final String version;
    private final PrometheusMeterRegistry metrics;
    private final AtomicReference<Statistics> lastStatistics = new AtomicReference<>(new Statistics(0, 0, 0, 0, 0));

    SystemRoutes(CustodianConfig config, Index index, String version, PrometheusMeterRegistry metrics) {
        this.config = config;
        this.index = index;
        this.version = version;
        this.metrics = metrics;
        Gauge.builder("custodian.index.patients", lastStatistics, s -> s.get().patients()).register(metrics);
        Gauge.builder("custodian.index.studies", lastStatistics, s -> s.get().studies()).register(metrics);
        Gauge.builder("custodian.index.series", lastStatistics, s -> s.get().series()).register(metrics);
        Gauge.builder("custodian.index.instances", lastStatistics, s -> s.get().instances()).register(metrics);
        Gauge.builder("custodian.storage.size", lastStatistics, s -> s.get().totalSize())
                .baseUnit("bytes").register(metrics);
    }

    void register(Javalin app) {
        app.get("/system", ctx -> ctx.json(system()));
        app.get("/statistics", ctx -> ctx.json(statistics(index.statistics())));
        app.get("/metrics", this::metrics);
    }

    private Map<String, Object> system() {
        Map<String, Object> json = new TreeMap<>();
        json.put("Name", config.name());
        json.put("Version", version);
        json.put("ApiVersion", API_VERSION);
        json.put("DicomAet", config.dicomAet());
        json.put("DicomPort", config.dicomPort());
        json.put("HttpPort", config.httpPort());
        json.put("IsHttpServerSecure", config.authenticationEnabled());
        json.put("DatabaseBackendPlugin", null);
        json.put("StorageAreaPlugin", null);
        json.put("PluginsEnabled", false);
        json.put("DatabaseVersion", 1);
        json.put("CheckRevisions", false);
        json.put("MaximumStorageSize", config.maximumStorageSizeMb());
        json.put("MaximumStorageMode", "Reject");
        json.put("MaximumPatientCount", 0);
        json.put("OverwriteInstances", config.overwriteInstances());
        IndexDatabase db = index.database();
        json.put("DatabaseBackend", db.description());
        return json;
    }

    static Map<String, Object> statistics(Statistics s) {
        Map<String, Object> json = new TreeMap<>();
        json.put("CountPatients", s.patients());
        json.put("CountStudies", s.studies());
        json.put("CountSeries", s.series());
        json.put("CountInstances", s.instances());
        // Orthanc writes the sizes as strings (64-bit values) and the MB figures as integers.
        json.put("TotalDiskSize", Long.toString(s.totalSize()));
        json.put("TotalDiskSizeMB", s.totalSize() / (1024 * 1024));
        json.put("TotalUncompressedSize", Long.toString(s.totalSize()));
        json.put("TotalUncompressedSizeMB", s.totalSize() / (1024 * 1024));
        return json;
    }

    private void metrics(Context ctx) {
        lastStatistics.set(index.statistics());
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
