package dev.custodian.interop.archive;

import dev.custodian.interop.support.RawPeer;
import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.dimse.CommandCodec;
import dev.custodian.net.dimse.DimseMessage;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.pdu.AAbort;
import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.AReleaseRp;
import dev.custodian.net.pdu.AReleaseRq;
import dev.custodian.net.pdu.PDataTf;
import dev.custodian.net.pdu.Pdu;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.pdu.PduReader;
import dev.custodian.net.pdu.PduWriter;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.Pdv;
import dev.custodian.net.pdu.UserInformation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * A C-STORE SCP that vanishes in the middle of an association: it accepts one association (every
 * proposed context, in its first transfer syntax), answers Success to the first {@code answered}
 * C-STORE requests, and when the data set of the next one has arrived, either sends an A-ABORT
 * (service-user, PS3.8 §9.3.8) and waits for the requestor to close the connection, as PS3.8
 * §9.2 (AA-3) asks of it, or resets the TCP connection without a word. Raw PDUs on a socket of its
 * own, on one named thread; it listens with SO_REUSEADDR so that a real SCP can take the port over.
 */
final class VanishingScp implements AutoCloseable {
    enum Ending { ABORT, RESET }

    private static final int MAX_PDU = PduLimits.DEFAULT.maxPDataLength();

    private final String aet;
    private final int answered;
    private final Ending ending;
    private final ServerSocket server;
    private final Thread thread;
    /** Completes, with the number of instances answered, once this peer has vanished. */
    final CompletableFuture<Integer> vanished = new CompletableFuture<>();
    /** After an A-ABORT: completes once the requestor has closed the TCP connection (false: it never did). */
    final CompletableFuture<Boolean> closedByRequestor = new CompletableFuture<>();

    VanishingScp(String aet, int answered, Ending ending) throws IOException {
        this.aet = aet;
        this.answered = answered;
        this.ending = ending;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "vanishing-scp-" + aet);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        try (Socket s = server.accept()) {
            s.setSoTimeout(60_000);
            s.setTcpNoDelay(true);
            converse(s);
        } catch (IOException | RuntimeException e) {
            vanished.completeExceptionally(e);
            closedByRequestor.completeExceptionally(e);
        }
    }

    private void converse(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        PduReader reader = new PduReader(PduLimits.DEFAULT);
        PduWriter writer = new PduWriter();
        if (!(reader.read(in) instanceof AAssociateRq rq)) {
            throw new IOException("expected an A-ASSOCIATE-RQ");
        }
        writer.write(new AAssociateAc(rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle(),
                rq.applicationContextName(), rq.presentationContexts().stream()
                .map(pc -> PresentationContextAc.accepted(pc.id(), pc.transferSyntaxes().get(0))).toList(),
                UserInformation.of(MAX_PDU, "1.2.826.0.1.3680043.10.1418.99", "VANISHING", java.util.List.of())), out);
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        CStoreRq request = null;
        int count = 0;
        while (true) {
            Pdu pdu = reader.read(in);
            if (pdu instanceof AReleaseRq) {
                writer.write(new AReleaseRp(), out);
                return;
            }
            if (!(pdu instanceof PDataTf data)) {
                throw new IOException("unexpected " + pdu);
            }
            for (Pdv pdv : data.pdvs()) {
                if (pdv.command()) {
                    command.write(pdv.data());
                    if (pdv.last()) {
                        request = storeRequest(command.toByteArray());
                        command.reset();
                    }
                } else if (pdv.last()) { // the whole data set of request has arrived
                    if (request == null) {
                        throw new IOException("a data set without a C-STORE-RQ");
                    }
                    if (count == answered) {
                        vanish(s, in, out, writer, count);
                        return;
                    }
                    count++;
                    out.write(RawPeer.pdata(pdv.presentationContextId(), true, true, CommandCodec.encode(new CStoreRsp(
                            request.messageId(), request.affectedSopClassUid(), request.affectedSopInstanceUid(),
                            Status.SUCCESS))));
                    out.flush();
                    request = null;
                }
            }
        }
    }

    private void vanish(Socket s, InputStream in, OutputStream out, PduWriter writer, int count) throws IOException {
        if (ending == Ending.RESET) {
            s.setSoLinger(true, 0);
            s.close();
            vanished.complete(count);
            return;
        }
        writer.write(AAbort.byServiceUser(), out);
        out.flush();
        vanished.complete(count);
        byte[] rest = new byte[MAX_PDU];
        try {
            while (in.read(rest) >= 0) {
                // PDUs already on their way are discarded (PS3.8 state Sta13)
            }
            closedByRequestor.complete(true);
        } catch (IOException e) {
            closedByRequestor.complete(false); // still open when the read timed out
        }
    }

    private static CStoreRq storeRequest(byte[] command) throws IOException {
        DimseMessage m;
        try {
            m = CommandCodec.decode(command);
        } catch (dev.custodian.net.dimse.InvalidCommandException e) {
            throw new IOException(e);
        }
        if (!(m instanceof CStoreRq rq)) {
            throw new IOException("expected a C-STORE-RQ, got " + m);
        }
        return rq;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Waits for its thread to end (after {@link #close()}). */
    void join() throws InterruptedException {
        thread.join(60_000);
    }
}
