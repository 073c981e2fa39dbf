package dev.custodian.interop.support;

import dev.custodian.dicom.dict.Uid;
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
 * A peer that speaks raw PDUs (PS3.8 §9.3) to an acceptor on 127.0.0.1, well-formed or not, as
 * AE {@value #CALLING_AE}: for the tests of what the upper layer does with hostile input. Reads
 * time out after 15 s, which fails the test.
 */
public final class RawPeer implements AutoCloseable {
    public static final String CALLING_AE = "HOSTILE";

    private final Socket socket;
    private final PduWriter writer = new PduWriter();
    private final PduReader reader = new PduReader(PduLimits.DEFAULT);

    public RawPeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        socket.setTcpNoDelay(true);
    }

    public RawPeer send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    public RawPeer send(Pdu pdu) throws IOException {
        return send(writer.encode(pdu));
    }

    /** A presentation context proposing {@code abstractSyntax} in Implicit VR Little Endian only. */
    public static PresentationContextRq implicitLittleEndian(int id, String abstractSyntax) {
        return new PresentationContextRq(id, abstractSyntax, List.of(Uid.ImplicitVRLittleEndian));
    }

    /** A valid A-ASSOCIATE-RQ (max PDU 16 KiB) to {@code calledAe} proposing {@code contexts}. */
    public static AAssociateRq associateRq(String calledAe, List<PresentationContextRq> contexts) {
        return new AAssociateRq(1, calledAe, CALLING_AE, AAssociateRq.DICOM_APPLICATION_CONTEXT, contexts,
                UserInformation.of(16_384, "1.2.3.4", null, List.of()));
    }

    /** Sends {@link #associateRq} and returns the A-ASSOCIATE-AC; any other answer fails the test. */
    public AAssociateAc associate(String calledAe, List<PresentationContextRq> contexts) throws IOException {
        send(associateRq(calledAe, contexts));
        Pdu answer = readPdu();
        if (!(answer instanceof AAssociateAc ac)) {
            throw new AssertionError("expected an A-ASSOCIATE-AC, got " + answer);
        }
        return ac;
    }

    public Pdu readPdu() throws IOException {
        return reader.read(socket.getInputStream());
    }

    /** Reads the next PDU, which must be a P-DATA-TF holding one whole command, and decodes it. */
    public DimseMessage readCommand() throws IOException, InvalidCommandException {
        Pdu pdu = readPdu();
        if (!(pdu instanceof PDataTf p) || p.pdvs().size() != 1 || !p.pdvs().get(0).command()
                || !p.pdvs().get(0).last()) {
            throw new AssertionError("expected one whole command in a P-DATA-TF, got " + pdu);
        }
        return CommandCodec.decode(p.pdvs().get(0).data());
    }

    /** Everything the acceptor sends until it closes the connection (a read timeout fails). */
    public byte[] readUntilClosed() throws IOException {
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

    /** Reads exactly {@code n} bytes, or fewer if the acceptor closes (or resets) first. */
    public byte[] read(int n) throws IOException {
        try {
            return socket.getInputStream().readNBytes(n);
        } catch (SocketException e) {
            return new byte[0];
        }
    }

    /** Closes at once, with an RST rather than a FIN: the peer vanishes. */
    public void vanish() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One P-DATA-TF with one PDV (PS3.8 §9.3.5). */
    public static byte[] pdata(int context, boolean command, boolean last, byte[] data) {
        return new PduWriter().encode(new PDataTf(List.of(new Pdv(context, command, last, data))));
    }

    /** The A-ABORT PDU a service-provider sends with this reason (PS3.8 §9.3.8). */
    public static byte[] providerAbort(int reason) {
        return new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, (byte) reason};
    }
}
