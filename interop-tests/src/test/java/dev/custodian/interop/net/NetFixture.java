package dev.custodian.interop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custodian.interop.support.NamedThreads;
import dev.custodian.interop.support.Tools;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.transport.DicomAcceptor;
import dev.custodian.net.transport.TlsConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.net.ul.CloseReason;
import dev.custodian.net.ul.DefaultAcceptorPolicy;
import dev.custodian.net.ul.SupportedSyntaxes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** An acceptor on 127.0.0.1:ephemeral answering C-ECHO, with tracked threads; plus echoscu runs. */
final class NetFixture implements AutoCloseable {

    static final String AE = "CUSTODIAN";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    final NamedThreads readers = new NamedThreads("ul-reader");
    final NamedThreads acceptThreads = new NamedThreads("ul-acceptor");
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreads("ul-artim"));
    final AssociationRuntime runtime = new AssociationRuntime(readers, scheduler);
    final EchoResponder echo = new EchoResponder();
    final DicomAcceptor acceptor;
    /** How each association that got established ended. */
    final List<CloseReason> closeReasons = new java.util.concurrent.CopyOnWriteArrayList<>();

    NetFixture(int maxAssociations, TlsConfig tls) throws IOException {
        this(maxAssociations, tls, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    NetFixture(int maxAssociations, TlsConfig tls, Duration artim, Duration idle) throws IOException {
        AssociationSettings settings = AssociationSettings.DEFAULT.withTimeouts(artim, idle)
                .withLimits(new PduLimits(16_384, 65_536, 256));
        SupportedSyntaxes syntaxes = SupportedSyntaxes.builder()
                .add(EchoResponder.VERIFICATION, EXPLICIT_LE, IMPLICIT_LE).build();
        acceptor = DicomAcceptor.start(new AcceptorConfig("127.0.0.1", 0, maxAssociations, settings, tls),
                new DefaultAcceptorPolicy(Set.of(AE), calling -> true, syntaxes), a -> {
                    a.addCloseListener((x, reason) -> closeReasons.add(reason));
                    return echo;
                }, runtime,
                acceptThreads);
    }

    int port() {
        return acceptor.port();
    }

    /** Waits until every association has ended and its reader thread is gone. */
    void awaitQuiet() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(acceptor.openConnections()).as("open connections").isZero();
            assertThat(readers.alive()).as("live reader threads").isZero();
        });
    }

    /** DCMTK echoscu to this acceptor (TCP_NODELAY=1); fails, not skips, when echoscu is missing. */
    Tools.Result echoscu(String calledAe, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("echoscu", "-v", "-aet", "ECHOSCU", "-aec", calledAe));
        cmd.addAll(List.of(extra));
        cmd.add("127.0.0.1");
        cmd.add(Integer.toString(port()));
        return Tools.run(Duration.ofSeconds(30), cmd);
    }

    static Path tempDir() throws IOException {
        return java.nio.file.Files.createTempDirectory("custodian-net-it");
    }

    @Override
    public void close() {
        acceptor.close(Duration.ofSeconds(2));
        scheduler.shutdownNow();
    }
}
