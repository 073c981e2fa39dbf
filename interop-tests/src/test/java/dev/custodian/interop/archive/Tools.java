package dev.custodian.interop.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * External programs and small helpers for the archive ITs: DCMTK and Orthanc run with
 * TCP_NODELAY=1, a time limit and their output in a log; a missing program fails the test.
 */
final class Tools {
    static final Duration LIMIT = Duration.ofSeconds(120);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The repository root (the ITs run in interop-tests/). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private Tools() {
    }

    record Result(int exitCode, String output) {
        Result requireSuccess(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    static Process start(Path log, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        try {
            return pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (is it installed?): " + e.getMessage(), e);
        }
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        return runAll(List.of(command)).get(0);
    }

    /** Runs the commands at once, waits for all (at most {@link #LIMIT}). */
    static List<Result> runAll(List<List<String>> commands) throws IOException, InterruptedException {
        List<Process> ps = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (List<String> c : commands) {
            Path log = Files.createTempFile("archive-it-", ".log");
            logs.add(log);
            ps.add(start(log, c));
        }
        List<Result> out = new ArrayList<>();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        for (int i = 0; i < ps.size(); i++) {
            if (!ps.get(i).waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                ps.forEach(Process::destroyForcibly);
                throw new AssertionError(commands.get(i) + " did not finish within " + LIMIT);
            }
            out.add(new Result(ps.get(i).exitValue(), Files.readString(logs.get(i))));
            Files.deleteIfExists(logs.get(i));
        }
        return out;
    }

    /** {@code count} CT instances of about {@code sizeMb} each, with the benchmark generator (pydicom). */
    static List<Path> instances(Path dir, int count, double sizeMb) throws IOException, InterruptedException {
        run(List.of("/usr/bin/python3", ROOT.resolve("bench/scripts/make-instances.py").toString(), dir.toString(),
                Integer.toString(count), Double.toString(sizeMb))).requireSuccess("make-instances.py");
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void awaitPort(int port) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    static HttpResponse<String> get(int httpPort, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(LIMIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(int httpPort, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(LIMIT).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> post(int httpPort, String path, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(LIMIT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> put(int httpPort, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(LIMIT)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files under {@code dir} (recursively) whose name starts with {@code prefix}. */
    static List<Path> filesStartingWith(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }
}
