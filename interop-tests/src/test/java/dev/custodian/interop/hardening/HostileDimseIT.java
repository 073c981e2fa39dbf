package dev.custodian.interop.hardening;

import static dev.custodian.interop.support.RawPeer.pdata;
import static dev.custodian.interop.support.RawPeer.providerAbort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.interop.support.RawPeer;
import dev.custodian.net.dimse.CEchoRq;
import dev.custodian.net.dimse.CommandCodec;
import dev.custodian.net.dimse.CommandField;
import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.DimseMessage;
import dev.custodian.net.dimse.DimseResponse;
import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.AReleaseRp;
import dev.custodian.net.pdu.AReleaseRq;
import dev.custodian.net.pdu.Pdu;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.RejectResult;
import dev.custodian.net.pdu.RejectSource;
import dev.custodian.net.pdu.UserInformation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input on a live DIMSE acceptor (PS3.8 §9.2 state table, §9.3 PDU formats, PS3.7 §6.3.1
 * message structure). Each case ends with the A-ABORT the standard names (checked byte for byte)
 * or a failure response, one WARN line, no partial instance kept, no thread or socket left, and
 * DCMTK echoscu associating normally afterwards.
 */
class HostileDimseIT {
    private static final int UNEXPECTED_PDU = 2;
    private static final int UNEXPECTED_PDU_PARAMETER = 5;
    private static final int INVALID_PDU_PARAMETER_VALUE = 6;
    private static final String INSTANCE = "1.2.826.0.1.3680043.10.1137.77.1";
    private static final int STORE_CONTEXT = 1;
    private static final int ECHO_CONTEXT = 3;
    /** What the raw peer proposes: CT Image Storage and Verification, both in Implicit VR Little Endian. */
    private static final List<PresentationContextRq> PROPOSED = List.of(
            RawPeer.implicitLittleEndian(STORE_CONTEXT, Uid.CTImageStorage),
            RawPeer.implicitLittleEndian(ECHO_CONTEXT, Uid.Verification));

    @TempDir
    Path root;
    private HardenedServer server;

    @BeforeEach
    void start() throws IOException {
        server = new HardenedServer(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] storeCommand(String instance) {
        return CommandCodec.encode(new CStoreRq(1, Uid.CTImageStorage, instance));
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Opens an association and starts a C-STORE whose data set stops after two fragments. */
    private static RawPeer midDataSet(int port) throws IOException {
        RawPeer peer = new RawPeer(port);
        peer.associate(HardenedServer.AE, PROPOSED);
        peer.send(pdata(STORE_CONTEXT, true, true, storeCommand(INSTANCE)));
        peer.send(pdata(STORE_CONTEXT, false, false, bytes(8_000, 1)));
        peer.send(pdata(STORE_CONTEXT, false, false, bytes(8_000, 2)));
        return peer;
    }

    /** The hostile connection logged exactly one WARN line; the server is quiet and echoscu works. */
    private void assertOneWarningAndRecovered() throws Exception {
        assertRecovered(null);
    }

    /**
     * As {@link #assertOneWarningAndRecovered()} for a connection that cut a C-STORE short. The one
     * WARN is the upper layer's: the state machine's A-ABORT line for a protocol error, the
     * association's "data set cut short" line when the peer just vanished (the C-STORE, performed
     * on the reader thread, read the data set from the association itself). The DIMSE
     * ServiceDispatcher notes the C-STORE it could not finish at INFO only.
     */
    private void assertOneWarningForCutStoreAndRecovered(boolean protocolError) throws Exception {
        assertRecovered(protocolError ? "StateMachine" : "data set cut short");
    }

    private void assertRecovered(String from) throws Exception {
        server.awaitQuiet();
        List<String> lines = server.log.warnings();
        assertThat(lines).as("WARN lines").hasSize(1);
        if (from != null) {
            assertThat(lines.get(0)).as("the WARN line").contains(from);
        }
        server.assertEchoscuWorks();
        server.awaitQuiet();
        assertThat(server.log.warnings()).as("WARN lines after echoscu").isEqualTo(lines);
    }

    /** The C-STORE in progress saw its data set fail (not end early) and kept nothing. */
    private void assertStoreFailedAndNothingKept() throws Exception {
        QuarantineStore.Outcome outcome = server.store.next();
        assertThat(outcome.sopInstanceUid()).isEqualTo(INSTANCE);
        assertThat(outcome.failure()).as("the data set stream must fail, not end").isNotNull();
        server.awaitQuiet();
        server.assertStoredExactly();
    }

    @ParameterizedTest(name = "PDV item length {0} in a 10-byte P-DATA-TF")
    @ValueSource(ints = {0, 1, 3, 7, 100, -1})
    void wrongPdvItemLengthMidDataSetIsAborted(int pdvLength) throws Exception {
        try (RawPeer peer = midDataSet(server.port())) {
            ByteBuffer pdu = ByteBuffer.allocate(16);
            pdu.put((byte) 4).put((byte) 0).putInt(10); // P-DATA-TF, 10 bytes: one PDV item of 6
            pdu.putInt(pdvLength).put((byte) STORE_CONTEXT).put((byte) 0).put(new byte[] {1, 2, 3, 4});
            peer.send(pdu.array());
            assertThat(peer.readUntilClosed()).isEqualTo(providerAbort(INVALID_PDU_PARAMETER_VALUE));
        }
        assertStoreFailedAndNothingKept();
        assertOneWarningForCutStoreAndRecovered(true);
    }

    @Test
    void pDataLongerThanOurMaximumIsRefusedAfterItsHeader() throws Exception {
        try (RawPeer peer = new RawPeer(server.port())) {
            AAssociateAc ac = peer.associate(HardenedServer.AE, PROPOSED);
            assertThat(ac.userInformation().maximumLength()).isEqualTo(HardenedServer.MAX_PDU);
            // Only the header: the A-ABORT must come without the body (nothing read or allocated for it).
            peer.send(ByteBuffer.allocate(6).put((byte) 4).put((byte) 0).putInt(HardenedServer.MAX_PDU + 1).array());
            assertThat(peer.readUntilClosed()).isEqualTo(providerAbort(INVALID_PDU_PARAMETER_VALUE));
        }
        assertOneWarningAndRecovered();
        server.assertStoredExactly();
    }

    @Test
    void pDataOfExactlyOurMaximumIsAccepted() throws Exception {
        byte[] data = bytes(HardenedServer.MAX_PDU - 6, 3); // PDU variable field = 4 (PDV length) + 2 + data
        try (RawPeer peer = new RawPeer(server.port())) {
            peer.associate(HardenedServer.AE, PROPOSED);
            peer.send(pdata(STORE_CONTEXT, true, true, storeCommand(INSTANCE)));
            byte[] pdu = pdata(STORE_CONTEXT, false, true, data);
            assertThat(ByteBuffer.wrap(pdu).getInt(2)).isEqualTo(HardenedServer.MAX_PDU);
            peer.send(pdu);
            DimseMessage rsp = peer.readCommand();
            assertThat(rsp.commandField()).isEqualTo(CommandField.C_STORE_RSP);
            assertThat(((DimseResponse) rsp).status().isSuccess()).isTrue();
            peer.send(new AReleaseRq());
            assertThat(peer.readPdu()).isInstanceOf(AReleaseRp.class);
        }
        assertThat(server.store.next().bytes()).isEqualTo(data.length);
        server.awaitQuiet();
        server.assertStoredExactly(INSTANCE);
        assertThat(server.log.warnings()).isEmpty();
    }

    @Test
    void cStoreWithoutAffectedSopInstanceUidIsAnsweredWithAFailure() throws Exception {
        try (RawPeer peer = new RawPeer(server.port())) {
            peer.associate(HardenedServer.AE, PROPOSED);
            peer.send(pdata(STORE_CONTEXT, true, true, CommandBytes.without(storeCommand(INSTANCE), 0x1000)));
            peer.send(pdata(STORE_CONTEXT, false, false, bytes(10_000, 4)));
            peer.send(pdata(STORE_CONTEXT, false, true, bytes(10, 5)));
            DimseResponse rsp = (DimseResponse) peer.readCommand();
            // PS3.4 B.2.3: C-STORE failure "Cannot understand" (Cxxx), naming (0000,1000).
            assertThat(rsp.commandField()).isEqualTo(CommandField.C_STORE_RSP);
            assertThat(rsp.messageIdBeingRespondedTo()).isEqualTo(1);
            assertThat(rsp.status().code() & 0xF000).isEqualTo(0xC000);
            assertThat(rsp.status().offendingElements()).containsExactly(0x00001000);
            // The association is still usable.
            peer.send(pdata(ECHO_CONTEXT, true, true, CommandCodec.encode(new CEchoRq(2, Uid.Verification))));
            DimseResponse echo = (DimseResponse) peer.readCommand();
            assertThat(echo.commandField()).isEqualTo(CommandField.C_ECHO_RSP);
            assertThat(echo.status().isSuccess()).isTrue();
            peer.send(new AReleaseRq());
            assertThat(peer.readPdu()).isInstanceOf(AReleaseRp.class);
        }
        assertOneWarningAndRecovered();
        assertThat(server.store.pending()).as("C-STORE service calls").isZero();
        server.assertStoredExactly();
    }

    @ParameterizedTest(name = "command PDV on context {0} inside a data set on context 1")
    @ValueSource(ints = {STORE_CONTEXT, ECHO_CONTEXT})
    void newCommandInTheMiddleOfADataSetIsAborted(int context) throws Exception {
        try (RawPeer peer = midDataSet(server.port())) {
            peer.send(pdata(context, true, true, CommandCodec.encode(new CEchoRq(2, Uid.Verification))));
            assertThat(peer.readUntilClosed()).isEqualTo(providerAbort(UNEXPECTED_PDU_PARAMETER));
        }
        assertStoreFailedAndNothingKept();
        assertOneWarningForCutStoreAndRecovered(true);
    }

    private static Pdu associateAnswer(String kind) {
        return kind.equals("AC")
                ? new AAssociateAc(1, "HOSTILE", HardenedServer.AE, "1.2.840.10008.3.1.1.1",
                        List.of(PresentationContextAc.accepted(1, Uid.ImplicitVRLittleEndian)),
                        UserInformation.of(16_384, "1.2.3.4", null, List.of()))
                : new AAssociateRj(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER,
                        AAssociateRj.USER_NO_REASON_GIVEN);
    }

    @ParameterizedTest(name = "A-ASSOCIATE-{0} instead of an A-ASSOCIATE-RQ")
    @ValueSource(strings = {"AC", "RJ"})
    void associateAnswerSentToTheAcceptorIsAborted(String kind) throws Exception {
        try (RawPeer peer = new RawPeer(server.port())) {
            peer.send(associateAnswer(kind));
            assertThat(peer.readUntilClosed()).isEqualTo(providerAbort(UNEXPECTED_PDU));
        }
        assertOneWarningAndRecovered();
    }

    @ParameterizedTest(name = "A-ASSOCIATE-{0} on an established association")
    @ValueSource(strings = {"AC", "RJ"})
    void associateAnswerOnAnEstablishedAssociationIsAborted(String kind) throws Exception {
        try (RawPeer peer = new RawPeer(server.port())) {
            peer.associate(HardenedServer.AE, PROPOSED);
            peer.send(associateAnswer(kind));
            assertThat(peer.readUntilClosed()).isEqualTo(providerAbort(UNEXPECTED_PDU));
        }
        assertOneWarningAndRecovered();
    }

    @Test
    void peerVanishingMidDataSetLeavesNothingStored() throws Exception {
        midDataSet(server.port()).vanish();
        assertStoreFailedAndNothingKept();
        assertOneWarningForCutStoreAndRecovered(false);
    }

    @Test
    void peerVanishingMidPduOfADataSetLeavesNothingStored() throws Exception {
        RawPeer peer = midDataSet(server.port());
        byte[] next = pdata(STORE_CONTEXT, false, false, bytes(8_000, 6));
        peer.send(Arrays.copyOf(next, next.length / 2));
        peer.close();
        assertStoreFailedAndNothingKept();
        assertOneWarningForCutStoreAndRecovered(false);
    }
}
