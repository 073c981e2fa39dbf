package dev.custodian.net.service;

import dev.custodian.net.dimse.AcceptedContext;
import dev.custodian.net.dimse.DataWriter;
import dev.custodian.net.dimse.DimseChannel;
import dev.custodian.net.dimse.DimseSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One end of an in-memory association: what it sends is delivered, synchronously, to the other end's session. */
final class LoopbackChannel implements DimseChannel {
    private final String local;
    private final String remote;
    private final List<AcceptedContext> contexts;
    private DimseSession peer;
    private boolean released;

    LoopbackChannel(String local, String remote, List<AcceptedContext> contexts) {
        this.local = local;
        this.remote = remote;
        this.contexts = contexts;
    }

    void connect(DimseSession peer) {
        this.peer = peer;
    }

    @Override
    public void send(int contextId, byte[] command, DataWriter data) throws IOException {
        InputStream in = InputStream.nullInputStream();
        if (data != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            data.writeTo(out);
            in = new ByteArrayInputStream(out.toByteArray());
        }
        peer.onMessage(contextId, command, in);
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
