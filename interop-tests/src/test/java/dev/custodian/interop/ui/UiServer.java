package dev.custodian.interop.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.server.cli.Application;
import dev.custodian.server.config.ConfigLoader;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

/**
 * Custodian in-process (DICOM on 127.0.0.1) with HTTP Basic authentication on for user
 * {@value #USER}, and a REST client that signs its calls.
 */
final class UiServer implements AutoCloseable {
    static final String AET = "CUSTODIAN";
    static final String USER = "operator";
    static final String PASSWORD = "s3cret-pw";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Application app;

    UiServer(Path dir, int dicomPort, String extraJson) throws IOException {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String json = "{ \"DicomAet\": \"" + AET + "\", \"DicomPort\": " + dicomPort + ", \"HttpPort\": 0,"
                + " \"StorageDirectory\": \"" + storage + "\", \"IndexDirectory\": \"" + storage + "\","
                + " \"AuthenticationEnabled\": true, \"RegisteredUsers\": { \"" + USER + "\": \"" + PASSWORD + "\" }, "
                + extraJson + " }";
        app = Application.start(ConfigLoader.parse(json, dir), "127.0.0.1", "it", Clock.systemUTC());
    }

    /** The page's address; {@code signedIn} puts the credentials in it, as a user would type them. */
    String page(boolean signedIn, String hash) {
        return "http://" + (signedIn ? USER + ":" + PASSWORD + "@" : "") + "127.0.0.1:" + app.httpPort()
                + "/ui/?poll=300" + hash;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(Http.uri(app.httpPort(), path)).GET());
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(Http.uri(app.httpPort(), path))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = Http.send(request.header("Authorization", "Basic " + credentials),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new AssertionError(r.request().method() + " " + r.uri() + " → " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        app.close();
    }
}
