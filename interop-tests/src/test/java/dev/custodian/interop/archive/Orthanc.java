package dev.custodian.interop.archive;

import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throw-away Orthanc (/usr/sbin/Orthanc, never the system service) on 127.0.0.1, ports picked at run time. */
final class Orthanc implements AutoCloseable {
    static final String AET = "ORTHANC";
    final int dicomPort = Ports.freePort();
    final int httpPort = Ports.freePort();
    private final Process process;

    /** {@code modalities}: a JSON object body for "DicomModalities". */
    Orthanc(Path dir, String modalities) throws IOException {
        Path store = Files.createDirectories(dir.resolve("orthanc-store"));
        Path config = dir.resolve("orthanc.json");
        Files.writeString(config, "{ \"Name\": \"IT\", \"DicomAet\": \"" + AET + "\", \"DicomPort\": " + dicomPort
                + ", \"HttpPort\": " + httpPort + ", \"StorageDirectory\": \"" + store + "\", \"IndexDirectory\": \""
                + store + "\", \"RemoteAccessAllowed\": false, \"AuthenticationEnabled\": false, \"Plugins\": [],"
                + " \"DicomModalities\": " + modalities + " }");
        process = Tools.start(dir.resolve("orthanc.log"), List.of("/usr/sbin/Orthanc", config.toString()));
        Ports.awaitListening(httpPort);
        Ports.awaitListening(dicomPort);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static Duration limit() {
        return Tools.LIMIT;
    }
}
