package dev.custodian.interop.archive;

import dev.custodian.server.cli.Application;
import dev.custodian.server.config.ConfigLoader;
import dev.custodian.server.config.CustodianConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

/**
 * Custodian started in-process through {@link Application} (DICOM on 127.0.0.1, ports 0) with a
 * configuration given as JSON; {@code StorageDirectory} and {@code IndexDirectory} are added, and
 * {@code DicomPort} 0 unless the JSON names one.
 */
final class ArchiveServer implements AutoCloseable {
    static final String AET = "CUSTODIAN";
    final Path storage;
    final Application app;

    ArchiveServer(Path dir, String extraJson) throws IOException {
        this(dir, 0, extraJson);
    }

    /** On a given DICOM port (a peer that reports back must know it before we start). */
    ArchiveServer(Path dir, int dicomPort, String extraJson) throws IOException {
        this.storage = Files.createDirectories(dir.resolve("storage"));
        String port = extraJson.contains("\"DicomPort\"") ? "" : "\"DicomPort\": " + dicomPort + ", ";
        String aet = extraJson.contains("\"DicomAet\"") ? "" : "\"DicomAet\": \"" + AET + "\", ";
        String json = "{ " + aet + port + "\"HttpPort\": 0, \"StorageDirectory\": \""
                + storage + "\", \"IndexDirectory\": \"" + storage + "\"" + (extraJson.isBlank() ? "" : ", " + extraJson)
                + " }";
        CustodianConfig config = ConfigLoader.parse(json, dir);
        this.app = Application.start(config, "127.0.0.1", "it", Clock.systemUTC());
    }

    int dicomPort() {
        return app.dicomPort();
    }

    int httpPort() {
        return app.httpPort();
    }

    @Override
    public void close() {
        app.close();
    }

    /**
     * A fresh database on the PostgreSQL test server (CUSTODIAN_TEST_PG_HOST/PORT/USER[/PASSWORD],
     * from scripts/pg-test-server.sh); missing variables fail the test. Returns the "PostgreSQL" key.
     */
    static String freshPostgres() throws SQLException {
        String host = env("CUSTODIAN_TEST_PG_HOST");
        String port = env("CUSTODIAN_TEST_PG_PORT");
        String user = env("CUSTODIAN_TEST_PG_USER");
        String password = System.getenv().getOrDefault("CUSTODIAN_TEST_PG_PASSWORD", "");
        String db = "custodian_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user,
                password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return "\"PostgreSQL\": { \"EnableIndex\": true, \"Host\": \"" + host + "\", \"Port\": " + port
                + ", \"Database\": \"" + db + "\", \"Username\": \"" + user + "\", \"Password\": \"" + password
                + "\" }";
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new AssertionError(name + " is not set: run scripts/pg-test-server.sh and source target/pg-test-env.sh");
        }
        return v;
    }
}
