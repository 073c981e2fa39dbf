package dev.custodian.interop.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodian.interop.support.LogCapture;
import dev.custodian.interop.support.NamedThreads;
import dev.custodian.interop.support.Tools;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.service.StorageSopClasses;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Our DIMSE server on 127.0.0.1:ephemeral (Verification, and every Storage SOP class into a
 * {@link QuarantineStore}), announcing a {@value #MAX_PDU}-byte maximum PDU, with the threads it
 * uses and the sockets this JVM holds tracked so that a test can prove nothing leaked.
 */
final class HardenedServer implements AutoCloseable {
    static final String AE = "HARDENED";
    static final int MAX_PDU = 16_384;

    private final NamedThreads readers = new NamedThreads("hard-reader");
    final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("hard-artim"));
    final QuarantineStore store;
    final LogCapture log = new LogCapture();
    private final DicomServer server;
    private final long socketsAtStart;

    HardenedServer(Path root) throws IOException {
        store = new QuarantineStore(root);
        AssociationSettings settings = AssociationSettings.DEFAULT
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withLimits(new PduLimits(MAX_PDU, 65_536, 256));
        AcceptorConfig acceptor = new AcceptorConfig("127.0.0.1", 0, 16, settings, null);
        ServiceRegistry registry = ServiceRegistry.builder().verification()
                .store(store, StorageSopClasses.standard()).build();
        server = DicomServer.start(DicomServerConfig.of(AE, acceptor, Duration.ofSeconds(10)), registry,
                new DimseThreads(new AssociationRuntime(readers, scheduler),
                        new NamedThreads("hard-acceptor")));
        socketsAtStart = openSockets();
    }

    int port() {
        return server.port();
    }

    /**
     * Waits until every association has ended: no session, no reader thread alive, no worker
     * busy, and no more sockets open in this JVM than when the server had just started.
     */
    void awaitQuiet() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(server.sessions()).as("open DIMSE sessions").isEmpty();
            assertThat(readers.alive()).as("live reader threads").isZero();
            assertThat(openSockets()).as("network sockets open in this JVM").isLessThanOrEqualTo(socketsAtStart);
        });
    }

    /** Nothing half-received is left: no partial file, and only the given instances stored. */
    void assertStoredExactly(String... sopInstanceUids) throws IOException {
        assertThat(list(store.incoming)).as("partial files").isEmpty();
        List<String> expected = new ArrayList<>();
        for (String uid : sopInstanceUids) {
            expected.add(uid + ".dcm");
        }
        assertThat(list(store.stored)).as("stored instances").containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** DCMTK echoscu (TCP_NODELAY=1) against the server must succeed; fails, not skips, without DCMTK. */
    void assertEchoscuWorks() throws IOException, InterruptedException {
        Tools.Result r = Tools.run(Duration.ofSeconds(30), "echoscu", "-aet", "ECHOSCU", "-aec", AE, "127.0.0.1",
                String.valueOf(port()));
        assertThat(r.exitCode()).as("echoscu after the hostile peer:\n" + r.output()).isZero();
    }

    /**
     * Network sockets this process holds, from /proc/self/fd (Linux). UNIX domain sockets are left
     * out: the JDK keeps one for itself from the first socket it closes under a blocked reader.
     */
    static long openSockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            Set<String> unix = unixSocketInodes();
            return fds.map(HardenedServer::link).filter(l -> l.startsWith("socket:["))
                    .filter(l -> !unix.contains(l.substring(8, l.length() - 1))).count();
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc/self/fd", e);
        }
    }

    private static String link(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return ""; // closed while listing
        }
    }

    private static Set<String> unixSocketInodes() throws IOException {
        // /proc/net/unix columns: Num RefCount Protocol Flags Type St Inode [Path]
        return Files.readAllLines(Path.of("/proc/net/unix")).stream().skip(1).map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length >= 7).map(f -> f[6]).collect(Collectors.toSet());
    }


    @Override
    public void close() {
        log.close();
        server.close(Duration.ofSeconds(2));
        scheduler.shutdownNow();
    }
}
