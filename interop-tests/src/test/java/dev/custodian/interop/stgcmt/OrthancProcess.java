package dev.custodian.interop.stgcmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A private Orthanc (/usr/sbin/Orthanc, never the system service) on 127.0.0.1 with its own
 * configuration, storage and index in {@code dir}, DICOM and HTTP ports chosen at run time,
 * {@code --verbose} log in {@code dir/orthanc.log}, and one modality: our test AE, allowed to use
 * Storage Commitment. REST through java.net.http.
 */
final class OrthancProcess implements AutoCloseable {
    static final String EXECUTABLE = "/usr/sbin/Orthanc";
    static final String AET = "ORTHANC";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    final ObjectMapper json = new ObjectMapper();
    final int dicomPort;
    final int httpPort;
    final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private OrthancProcess(Path dir, String modalityAet, int modalityPort) throws IOException {
        if (!Files.isExecutable(Path.of(EXECUTABLE))) {
            throw new IllegalStateException(EXECUTABLE + " is missing: install the orthanc package");
        }
        dicomPort = freePort();
        httpPort = freePort();
        log = dir.resolve("orthanc.log");
        Path config = dir.resolve("orthanc.json");
        Files.writeString(config, json.writerWithDefaultPrettyPrinter().writeValueAsString(
                configuration(dir, modalityAet, modalityPort)));
        ProcessBuilder pb = new ProcessBuilder(EXECUTABLE, "--verbose", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        process = pb.start();
    }

    /** Starts Orthanc and waits until its REST API answers. */
    static OrthancProcess start(Path dir, String modalityAet, int modalityPort) throws IOException {
        OrthancProcess o = new OrthancProcess(dir, modalityAet, modalityPort);
        try {
            Awaitility.await("Orthanc REST API on port " + o.httpPort).atMost(STARTUP)
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        if (!o.process.isAlive()) {
                            throw new AssertionError("Orthanc exited with " + o.process.exitValue() + ":\n" + o.logTail());
                        }
                        return o.get("/system").get("DicomAet").asText().equals(AET);
                    });
        } catch (RuntimeException | AssertionError e) {
            o.close();
            throw new IllegalStateException("Orthanc did not start:\n" + o.logTail(), e);
        }
        return o;
    }

    private ObjectNode configuration(Path dir, String modalityAet, int modalityPort) {
        ObjectNode c = json.createObjectNode();
        c.put("Name", "custodian-interop");
        c.put("StorageDirectory", dir.resolve("storage").toString());
        c.put("IndexDirectory", dir.resolve("index").toString());
        c.put("DicomAet", AET);
        c.put("DicomPort", dicomPort);
        c.put("HttpPort", httpPort);
        c.put("RemoteAccessAllowed", false);
        c.put("AuthenticationEnabled", false);
        c.putArray("Plugins");
        c.put("DicomScuTimeout", 30);
        ObjectNode modality = c.putObject("DicomModalities").putObject("custodian");
        modality.put("AET", modalityAet);
        modality.put("Host", "127.0.0.1");
        modality.put("Port", modalityPort);
        modality.put("AllowStorageCommitment", true);
        return c;
    }

    /** Uploads one Part 10 file (POST /instances); returns Orthanc's instance ID. */
    String upload(byte[] part10) throws IOException {
        JsonNode r = send(HttpRequest.newBuilder(uri("/instances"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(part10)).header("Content-Type", "application/dicom"));
        return r.get("ID").asText();
    }

    /** POST /modalities/{modality}/storage-commitment for {@code instances} ([class, instance] pairs); the ID. */
    String requestStorageCommitment(String modality, List<String[]> instances) throws IOException {
        ObjectNode body = json.createObjectNode();
        var array = body.putArray("DicomInstances");
        for (String[] i : instances) {
            array.addObject().put("SOPClassUID", i[0]).put("SOPInstanceUID", i[1]);
        }
        JsonNode r = send(HttpRequest.newBuilder(uri("/modalities/" + modality + "/storage-commitment"))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        if (!r.get("Path").asText().equals("/storage-commitment/" + r.get("ID").asText())) {
            throw new IOException("unexpected answer " + r);
        }
        return r.get("ID").asText();
    }

    JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new IOException(r.request().method() + " " + r.uri() + " → HTTP " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** The last lines of Orthanc's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Lines of the log containing {@code text}. */
    List<String> logLines(String text) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).toList();
    }

    /** Stops Orthanc and keeps its log as {@code target/orthanc-<name>.log} for inspection. */
    void close(String name) {
        close();
        try {
            Path kept = Path.of("target", "orthanc-" + name + ".log");
            Files.createDirectories(kept.getParent());
            Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // The log is a diagnostic aid only.
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
