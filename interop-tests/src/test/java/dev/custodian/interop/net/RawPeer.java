package dev.custodian.interop.net;

import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.Pdu;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.pdu.PduReader;
import dev.custodian.net.pdu.PduWriter;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.UserInformation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

/** A misbehaving peer speaking raw bytes to the acceptor. */
final class RawPeer implements AutoCloseable {

    private final Socket socket;

    RawPeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        socket.setTcpNoDelay(true);
    }

    RawPeer send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Sends a valid A-ASSOCIATE-RQ for Verification and returns the answer (expects an AC). */
    AAssociateAc associate() throws IOException {
        AAssociateRq rq = new AAssociateRq(1, NetFixture.AE, "HOSTILE", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, EchoResponder.VERIFICATION, List.of(NetFixture.IMPLICIT_LE))),
                UserInformation.of(16_384, "1.2.3.4", null, List.of()));
        send(new PduWriter().encode(rq));
        Pdu answer = new PduReader(PduLimits.DEFAULT).read(socket.getInputStream());
        return (AAssociateAc) answer;
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
            // connection reset by the acceptor after its A-ABORT: closed as well
        }
        return out.toByteArray();
    }

    /** Reads exactly n bytes (or fewer if the acceptor closes first). */
    byte[] read(int n) throws IOException {
        try {
            return socket.getInputStream().readNBytes(n);
        } catch (SocketException e) {
            return new byte[0];
        }
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
