package dev.custodian.interop.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP/1.0 POST on a connection of its own, which the server closes after answering. Orthanc
 * closes idle keep-alive connections after 1 s ({@code Keep-Alive: timeout=1}); java.net.http
 * does not know it, and a POST it sends on such a pooled connection gets no answer ("header parser
 * received no bytes"; it retries only GETs). Tests that POST to Orthanc at their own pace use this.
 */
final class OneShotHttp {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    /** The status code and body of an answer. */
    record Answer(int status, String body) {}

    private OneShotHttp() {
    }

    static Answer post(int port, String path, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout((int) LIMIT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            int lineEnd = answer.indexOf("\r\n");
            if (headersEnd < 0 || lineEnd < 0) {
                throw new IOException("not an HTTP answer to POST " + path + ": " + answer);
            }
            String[] statusLine = answer.substring(0, lineEnd).split(" ");
            return new Answer(Integer.parseInt(statusLine[1]), answer.substring(headersEnd + 4));
        }
    }
}
