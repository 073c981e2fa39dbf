package dev.custodian.interop.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.StorageProposals;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.AssociationRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our C-STORE SCU (DicomClient) against DCMTK storescp: the data sets storescp writes must be ours, byte for byte. */
class StoreScuIT {
    static final String VERIFICATION = "1.2.840.10008.1.1";

    @TempDir
    static Path data;
    static List<Path> large;
    static List<Path> small;

    @TempDir
    Path received;
    private Process storescp;
    private Path storescpLog;
    private DimseFixture fixture;

    @BeforeAll
    static void makeData() throws IOException {
        large = TestInstances.secondaryCapture(data.resolve("large"), "large", 3, 256, 99L);
        small = TestInstances.secondaryCapture(data.resolve("small"), "small", 20, 24, 98L);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (storescp != null) {
            storescp.destroy();
            if (!storescp.waitFor(10, TimeUnit.SECONDS)) {
                storescp.destroyForcibly();
            }
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private int startStorescp(int pdu, String acceptOption) throws IOException {
        int port = Ports.freePort();
        storescpLog = Files.createTempFile("storescp-", ".log");
        List<String> cmd = new ArrayList<>(List.of("storescp", "-v", "+B", "-od", received.toString(),
                "-aet", "STORESCP", "--max-pdu", String.valueOf(pdu)));
        if (acceptOption != null) {
            cmd.add(acceptOption);
        }
        cmd.add(String.valueOf(port));
        storescp = Tools.start(storescpLog, cmd);
        Ports.awaitListening(port, storescp, storescpLog);
        return port;
    }

    /** Verification plus the storage contexts {@link StorageProposals} derives from the files. */
    private static AssociationProposal proposal(DicomClient client, List<Path> files) throws IOException {
        return StorageProposals.addContexts(client.propose("STORESCP").context(VERIFICATION, "1.2.840.10008.1.2"),
                files).build();
    }

    private static CompletableFuture<CStoreRsp> store(DicomConnection c, Path file) {
        return c.store(file);
    }

    @ParameterizedTest(name = "{2} with max PDU {3}")
    @CsvSource({
        "+ti, +xi, 1.2.840.10008.1.2, 16384",
        "+te, +xe, 1.2.840.10008.1.2.1, 16384",
        "+tb, +xb, 1.2.840.10008.1.2.2, 16384",
        "+te, +xa, 1.2.840.10008.1.2.1, 131072",
        "+tb, +xa, 1.2.840.10008.1.2.2, 131072"})
    void storescpReceivesOurDataSetsByteForByte(String dcmconv, String accept, String syntax, int pdu)
            throws Exception {
        List<Path> files = TestInstances.convert(large, data.resolve(syntax + "-" + pdu), dcmconv);
        int port = startStorescp(pdu, accept);
        fixture = new DimseFixture(received);
        DicomClient client = fixture.client("OURSCU", 1 << 20);
        try (DicomConnection c = client.connect("127.0.0.1", port, proposal(client, files))) {
            assertThat(c.echo().get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            for (Path f : files) {
                assertThat(store(c, f).get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestFiles.filesIn(received).size() == files.size());
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(TestFiles.dataSetDigests(files));
    }

    @Test
    void transcodesWhenTheFilesSyntaxIsNotAccepted() throws Exception {
        // storescp +xi accepts Implicit VR LE only; the files are Explicit VR LE.
        int port = startStorescp(16_384, "+xi");
        fixture = new DimseFixture(received);
        DicomClient client = fixture.client("OURSCU", 16_384);
        AssociationProposal p = client.propose("STORESCP")
                .context(TestInstances.SECONDARY_CAPTURE, "1.2.840.10008.1.2.1")
                .context(TestInstances.SECONDARY_CAPTURE, "1.2.840.10008.1.2.1", "1.2.840.10008.1.2").build();
        try (DicomConnection c = client.connect("127.0.0.1", port, p)) {
            assertThat(c.find(TestInstances.SECONDARY_CAPTURE, "1.2.840.10008.1.2.1")).isNull();
            for (Path f : large) {
                assertThat(store(c, f).get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestFiles.filesIn(received).size() == large.size());
        for (Path f : TestFiles.filesIn(received)) {
            assertThat(Part10.read(f).transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2");
        }
        List<Path> implicit = TestInstances.convert(large, data.resolve("implicit-reference"), "+ti");
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(TestFiles.dataSetDigests(implicit));
    }

    @Test
    void twentyInstancesOnOneAssociation() throws Exception {
        int port = startStorescp(16_384, null);
        fixture = new DimseFixture(received);
        DicomClient client = fixture.client("OURSCU", 16_384);
        try (DicomConnection c = client.connect("127.0.0.1", port, proposal(client, small))) {
            for (Path f : small) {
                assertThat(store(c, f).get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TestFiles.filesIn(received).size() == small.size());
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(TestFiles.dataSetDigests(small));
        assertThat(Files.readString(storescpLog)).containsOnlyOnce("Association Acknowledged");
    }

    @Test
    void ourScuToOurScpWithOneMegabytePdus() throws Exception {
        fixture = new DimseFixture(received).start(1 << 20, null);
        DicomClient client = fixture.client("OURSCU", 1 << 20);
        AssociationProposal p = client.propose(DimseFixture.AE)
                .context(TestInstances.SECONDARY_CAPTURE, "1.2.840.10008.1.2.1").build();
        try (DicomConnection c = client.connect("127.0.0.1", fixture.port(), p)) {
            assertThat(c.session().channel().maxOperationsInvoked()).isEqualTo(1);
            for (Path f : large) {
                assertThat(store(c, f).get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            }
        }
        assertThat(TestFiles.dataSetDigests(TestFiles.filesIn(received))).isEqualTo(TestFiles.dataSetDigests(large));
    }

    @Test
    void peerAbortFailsTheOutstandingStore() throws Exception {
        int port = startStorescp(16_384, "--abort-after");
        fixture = new DimseFixture(received);
        DicomClient client = fixture.client("OURSCU", 16_384);
        DicomConnection c = client.connect("127.0.0.1", port, proposal(client, large));
        assertThatThrownBy(() -> store(c, large.get(0)).get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IOException.class).hasMessageContaining("ended");
    }

    @Test
    void wrongCalledAeIsRejected() throws Exception {
        int port = startStorescp(16_384, null);
        fixture = new DimseFixture(received);
        DicomClient client = fixture.client("OURSCU", 16_384);
        AssociationProposal p = client.propose("NOT_STORESCP").context(VERIFICATION, "1.2.840.10008.1.2").build();
        // storescp accepts any called AE unless told otherwise; our own server does check it.
        fixture.start(16_384, null);
        assertThatThrownBy(() -> client.connect("127.0.0.1", fixture.port(), p))
                .isInstanceOf(AssociationRejectedException.class);
        assertThat(client.connect("127.0.0.1", port, p).echo().get(30, TimeUnit.SECONDS).status().isSuccess()).isTrue();
    }
}
