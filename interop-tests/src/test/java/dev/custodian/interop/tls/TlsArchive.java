package dev.custodian.interop.tls;

import dev.custodian.server.cli.Application;
import dev.custodian.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Custodian in-process (DICOM on 127.0.0.1, ports 0, AE CUSTODIAN) with TLS keys given as JSON. */
final class TlsArchive implements AutoCloseable {
    static final String AET = "CUSTODIAN";
    final Application app;

    TlsArchive(Path dir, String extraJson) throws IOException {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String json = "{ \"DicomAet\": \"" + AET + "\", \"DicomPort\": 0, \"HttpPort\": 0, \"StorageDirectory\": \""
                + storage + "\", " + extraJson + " }";
        app = Application.start(ConfigLoader.parse(json, dir), "127.0.0.1", "it", Clock.systemUTC());
    }

    int dicomPort() {
        return app.dicomPort();
    }

    int httpPort() {
        return app.httpPort();
    }

    long instances() {
        return app.archive().index().statistics().instances();
    }

    @Override
    public void close() {
        app.close();
    }
}
