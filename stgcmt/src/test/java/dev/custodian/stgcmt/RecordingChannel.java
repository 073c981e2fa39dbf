package dev.custodian.stgcmt;

import dev.custodian.net.dimse.AcceptedContext;
import dev.custodian.net.dimse.CommandCodec;
import dev.custodian.net.dimse.DimseChannel;
import dev.custodian.net.dimse.DimseMessage;
import dev.custodian.net.dimse.InvalidCommandException;
import dev.custodian.net.ul.DataWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory association with one Storage Commitment context: records the messages sent. */
final class RecordingChannel implements DimseChannel {
    static final AcceptedContext CONTEXT = new AcceptedContext(1, StorageCommitment.SOP_CLASS_UID,
            "1.2.840.10008.1.2.1");

    record Sent(DimseMessage message, byte[] data) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    volatile boolean released;
    /** The data set of the next incoming message, read by the session through {@link #dataSet()}. */
    volatile InputStream incoming = InputStream.nullInputStream();

    @Override
    public InputStream dataSet() {
        return incoming;
    }

    @Override
    public void send(int contextId, byte[] command, DataWriter data) throws IOException {
        byte[] bytes = null;
        if (data != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            data.writeTo(out);
            bytes = out.toByteArray();
        }
        try {
            sent.add(new Sent(CommandCodec.decode(command), bytes));
        } catch (InvalidCommandException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public List<AcceptedContext> acceptedContexts() {
        return List.of(CONTEXT);
    }

    @Override
    public String localAet() {
        return "MODALITY";
    }

    @Override
    public String remoteAet() {
        return "ARCHIVE";
    }

    @Override
    public int maxOperationsInvoked() {
        return 1;
    }

    @Override
    public void abort() {
    }

    @Override
    public void release(long timeoutMillis) {
        released = true;
    }
}
