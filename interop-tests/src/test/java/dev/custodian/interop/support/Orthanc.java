package dev.custodian.interop.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A private Orthanc ({@value #EXECUTABLE}, never the system service) on 127.0.0.1, AE
 * {@value #AET}: its own configuration, storage, index and {@code --verbose} log under
 * {@code dir/orthanc}, DICOM and HTTP ports chosen at run time, no authentication, no plugins,
 * run with {@code TCP_NODELAY=1}. REST through java.net.http.
 */
public final class Orthanc implements AutoCloseable {
    public static final String EXECUTABLE = "/usr/sbin/Orthanc";
    public static final String AET = "ORTHANC";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final int dicomPort = Ports.freePort();
    private final int httpPort = Ports.freePort();
    private final Path log;
    private final Process process;

    private Orthanc(Path dir, String modalities, String extra) throws IOException {
        if (!Files.isExecutable(Path.of(EXECUTABLE))) {
            throw new AssertionError(EXECUTABLE + " is missing: install the orthanc package");
        }
        Path home = Files.createDirectories(dir.resolve("orthanc"));
        log = home.resolve("orthanc.log");
        Path config = home.resolve("orthanc.json");
        Files.writeString(config, json.writerWithDefaultPrettyPrinter().writeValueAsString(
                configuration(home, json.readTree(modalities)).setAll((ObjectNode) json.readTree(extra))));
        process = Tools.start(log, List.of(EXECUTABLE, "--verbose", config.toString()));
    }

    /**
     * Starts Orthanc and waits until its REST API answers and its DICOM port accepts connections.
     *
     * @param modalities the JSON object Orthanc takes as {@code DicomModalities} (either of its forms)
     */
    public static Orthanc start(Path dir, String modalities) throws IOException {
        return start(dir, modalities, "{}");
    }

    /** As {@link #start(Path, String)} with further configuration keys ({@code extra}, a JSON object) set or replaced. */
    public static Orthanc start(Path dir, String modalities, String extra) throws IOException {
        Orthanc o = new Orthanc(dir, modalities, extra);
        try {
            Awaitility.await("Orthanc REST API on port " + o.httpPort).atMost(STARTUP)
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        if (!o.process.isAlive()) {
                            throw new AssertionError("Orthanc exited with " + o.process.exitValue());
                        }
                        return o.get("/system").get("DicomAet").asText().equals(AET);
                    });
            Ports.awaitListening(o.dicomPort, o.process, o.log);
        } catch (RuntimeException | AssertionError e) {
            o.close();
            throw new AssertionError("Orthanc did not start:\n" + o.logTail(), e);
        }
        return o;
    }

    private ObjectNode configuration(Path home, JsonNode modalities) {
        ObjectNode c = json.createObjectNode();
        c.put("Name", "custodian-interop");
        c.put("StorageDirectory", home.resolve("storage").toString());
        c.put("IndexDirectory", home.resolve("index").toString());
        c.put("DicomAet", AET);
        c.put("DicomPort", dicomPort);
        c.put("HttpPort", httpPort);
        c.put("RemoteAccessAllowed", false);
        c.put("AuthenticationEnabled", false);
        // Orthanc closes an idle keep-alive connection after 1 s; java.net.http may then send a POST
        // on it and get no answer (it retries only GETs). Without keep-alive every call has its own.
        c.put("KeepAlive", false);
        c.putArray("Plugins");
        c.put("DicomScuTimeout", 30);
        c.set("DicomModalities", modalities);
        return c;
    }

    public int dicomPort() {
        return dicomPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Uploads one Part 10 file (POST /instances); returns Orthanc's instance ID. */
    public String upload(byte[] part10) throws IOException {
        JsonNode r = send(HttpRequest.newBuilder(uri("/instances"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(part10)).header("Content-Type", "application/dicom"));
        return r.get("ID").asText();
    }

    /** POST /modalities/{modality}/storage-commitment for {@code instances} ([class, instance] pairs); the ID. */
    public String requestStorageCommitment(String modality, List<String[]> instances) throws IOException {
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

    /** GET {@code path} of the REST API, which must answer 200 with JSON. */
    public JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        HttpResponse<String> r;
        try {
            r = Http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new IOException(r.request().method() + " " + r.uri() + " → HTTP " + r.statusCode() + ": "
                    + r.body());
        }
        return json.readTree(r.body());
    }

    private URI uri(String path) {
        return Http.uri(httpPort, path);
    }

    /** The last lines of Orthanc's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Lines of the log containing {@code text}. */
    public List<String> logLines(String text) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).toList();
    }

    /** Stops Orthanc and keeps its log as {@code target/orthanc-<name>.log} for inspection. */
    public void close(String name) {
        close();
        try {
            Path kept = Path.of("target", "orthanc-" + name + ".log");
            Files.createDirectories(kept.getParent());
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // The log is a diagnostic aid only.
        }
    }

    @Override
    public void close() {
        Tools.stop(process, Duration.ofSeconds(30));
    }
}
