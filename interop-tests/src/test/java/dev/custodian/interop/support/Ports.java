package dev.custodian.interop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/** TCP ports on 127.0.0.1 for the interop tests: free ones to hand to a peer, and waiting for a listener. */
public final class Ports {
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private Ports() {
    }

    /** A TCP port free on 127.0.0.1 right now (for a program that must be told its port). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
    public static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits (at most a minute) until something accepts connections on 127.0.0.1:{@code port}. */
    public static void awaitListening(int port) {
        Awaitility.await("a listener on port " + port).atMost(STARTUP).pollInterval(Duration.ofMillis(50))
                .until(() -> listening(port));
    }

    /**
     * Waits (at most a minute) until {@code process} accepts connections on 127.0.0.1:{@code port};
     * fails at once, with its {@code log}, if it exits first.
     */
    public static void awaitListening(int port, Process process, Path log) {
        Awaitility.await(process.info().command().orElse("process") + " listening on port " + port).atMost(STARTUP)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("exited with " + process.exitValue() + " before listening on port "
                                + port + ":\n" + Files.readString(log));
                    }
                    return listening(port);
                });
    }
}
