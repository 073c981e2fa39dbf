package dev.custodian.interop.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a REST API on 127.0.0.1 (Custodian's or Orthanc's), each within a time limit. */
public final class Http {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    public static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path)), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<byte[]> getBytes(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path)), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<String> post(int port, String path, byte[] body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code request} with the time limit set. */
    public static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(LIMIT).build(), body);
    }
}
