package dev.custodian.net.service;

import dev.custodian.net.dimse.AcceptedContext;
import dev.custodian.net.ul.DataWriter;
import dev.custodian.net.dimse.DimseChannel;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.Feed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;

/** One end of an in-memory association: what it sends is delivered, synchronously, to the other end's session. */
final class LoopbackChannel implements DimseChannel, Feed.Target {
    private final String local;
    private final String remote;
    private final List<AcceptedContext> contexts;
    private final Executor peerReader;
    private DimseSession peer;
    private boolean released;
    private volatile java.io.InputStream incoming;

    /** @param peerReader a single thread standing for the peer's reader */
    LoopbackChannel(String local, String remote, List<AcceptedContext> contexts, Executor peerReader) {
        this.peerReader = peerReader;
        this.local = local;
        this.remote = remote;
        this.contexts = contexts;
    }

    void connect(DimseSession peer) {
        this.peer = peer;
    }

    @Override
    public void send(int contextId, byte[] command, DataWriter data) throws IOException {
        byte[] bytes = null;
        if (data != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            data.writeTo(out);
            bytes = out.toByteArray();
        }
        byte[] message = bytes;
        // Delivered on the peer's own "reader thread", as over a socket: send returns at once.
        peerReader.execute(() -> {
            try {
                Feed.message(peer, contextId, command, message);
            } catch (IOException e) {
                peer.onClosed(e);
            }
        });
    }

    @Override
    public void incoming(java.io.InputStream dataSet) {
        incoming = dataSet;
    }

    @Override
    public java.io.InputStream dataSet() {
        return incoming;
    }

    @Override
    public List<AcceptedContext> acceptedContexts() {
        return contexts;
    }

    @Override
    public String localAet() {
        return local;
    }

    @Override
    public String remoteAet() {
        return remote;
    }

    @Override
    public int maxOperationsInvoked() {
        return 1;
    }

    @Override
    public void abort() {
        peer.onClosed(new IOException("A-ABORT"));
    }

    @Override
    public void release(long timeoutMillis) {
        released = true;
    }

    boolean released() {
        return released;
    }
}
