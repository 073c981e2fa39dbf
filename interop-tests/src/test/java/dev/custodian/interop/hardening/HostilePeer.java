package dev.custodian.interop.hardening;

import dev.custodian.net.dimse.CommandCodec;
import dev.custodian.net.dimse.DimseMessage;
import dev.custodian.net.dimse.InvalidCommandException;
import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PDataTf;
import dev.custodian.net.pdu.Pdu;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.pdu.PduReader;
import dev.custodian.net.pdu.PduWriter;
import dev.custodian.net.pdu.Pdv;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.UserInformation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

/**
 * A peer that speaks raw PDUs to the acceptor, well-formed or not: it proposes CT Image Storage
 * (context 1) and Verification (context 3), both in Implicit VR Little Endian.
 */
final class HostilePeer implements AutoCloseable {
    static final int STORE_CONTEXT = 1;
    static final int ECHO_CONTEXT = 3;
    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";

    private final Socket socket;
    private final PduWriter writer = new PduWriter();
    private final PduReader reader = new PduReader(PduLimits.DEFAULT);

    HostilePeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        socket.setTcpNoDelay(true);
    }

    HostilePeer send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    HostilePeer send(Pdu pdu) throws IOException {
        return send(writer.encode(pdu));
    }

    static AAssociateRq associateRq(String calledAe) {
        return new AAssociateRq(1, calledAe, "HOSTILE", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(STORE_CONTEXT, CT_IMAGE_STORAGE, List.of(IMPLICIT_LE)),
                        new PresentationContextRq(ECHO_CONTEXT, VERIFICATION, List.of(IMPLICIT_LE))),
                UserInformation.of(16_384, "1.2.3.4", null, List.of()));
    }

    /** Sends the A-ASSOCIATE-RQ and returns the A-ASSOCIATE-AC (a different answer fails). */
    AAssociateAc associate(String calledAe) throws IOException {
        send(associateRq(calledAe));
        Pdu answer = readPdu();
        if (!(answer instanceof AAssociateAc ac)) {
            throw new AssertionError("expected an A-ASSOCIATE-AC, got " + answer);
        }
        return ac;
    }

    Pdu readPdu() throws IOException {
        return reader.read(socket.getInputStream());
    }

    /** Reads the next PDU, which must be a P-DATA-TF holding one whole command, and decodes it. */
    DimseMessage readCommand() throws IOException, InvalidCommandException {
        Pdu pdu = readPdu();
        if (!(pdu instanceof PDataTf p) || p.pdvs().size() != 1 || !p.pdvs().get(0).command()
                || !p.pdvs().get(0).last()) {
            throw new AssertionError("expected one whole command in a P-DATA-TF, got " + pdu);
        }
        return CommandCodec.decode(p.pdvs().get(0).data());
    }

    /** One P-DATA-TF with one PDV. */
    static byte[] pdata(int context, boolean command, boolean last, byte[] data) {
        return new PduWriter().encode(new PDataTf(List.of(new Pdv(context, command, last, data))));
    }

    /** Everything the acceptor sends until it closes the connection (a read timeout fails). */
    byte[] readUntilClosed() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
        } catch (SocketException e) {
            // reset by the acceptor after its A-ABORT: closed as well
        }
        return out.toByteArray();
    }

    /** Closes at once, with an RST rather than a FIN: the peer vanishes. */
    void vanish() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The A-ABORT PDU a service-provider sends with this reason. PS3.8 §9.3.8. */
    static byte[] providerAbort(int reason) {
        return new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, (byte) reason};
    }
}
