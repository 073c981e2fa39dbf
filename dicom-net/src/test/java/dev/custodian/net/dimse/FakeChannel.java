package dev.custodian.net.dimse;

import dev.custodian.net.ul.DataWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** An in-memory association for DIMSE tests: records what is sent, remembers an abort. */
public final class FakeChannel implements DimseChannel, Feed.Target {
    /** One message sent through the fake. */
    public record Sent(int contextId, byte[] command, byte[] data) {
        public DimseMessage message() throws InvalidCommandException {
            return CommandCodec.decode(command);
        }
    }

    private final List<AcceptedContext> contexts;
    private final int maxInvoked;
    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile IOException failSends;
    private volatile java.io.InputStream incoming;

    public FakeChannel(int maxInvoked, AcceptedContext... contexts) {
        this.contexts = List.of(contexts);
        this.maxInvoked = maxInvoked;
    }

    @Override
    public void send(int contextId, byte[] command, DataWriter data) throws IOException {
        if (failSends != null) {
            throw failSends;
        }
        byte[] bytes = null;
        if (data != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            data.writeTo(out);
            bytes = out.toByteArray();
        }
        sent.add(new Sent(contextId, command, bytes));
    }

    @Override
    public void incoming(java.io.InputStream dataSet) {
        incoming = dataSet;
    }

    @Override
    public java.io.InputStream dataSet() {
        return incoming;
    }

    public void failSends(IOException e) {
        failSends = e;
    }

    /** The next message sent, waiting at most 5 s. */
    public Sent next() throws InterruptedException {
        Sent s = sent.poll(5, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("nothing was sent");
        }
        return s;
    }

    /** The next message sent within {@code wait}, or null. */
    public Sent nextWithin(java.time.Duration wait) throws InterruptedException {
        return sent.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean nothingSent() {
        return sent.isEmpty();
    }

    @Override
    public List<AcceptedContext> acceptedContexts() {
        return contexts;
    }

    @Override
    public String localAet() {
        return "LOCAL";
    }

    @Override
    public String remoteAet() {
        return "REMOTE";
    }

    @Override
    public int maxOperationsInvoked() {
        return maxInvoked;
    }

    @Override
    public void abort() {
        aborted.set(true);
    }

    @Override
    public void release(long timeoutMillis) {
        released.set(true);
    }

    public boolean released() {
        return released.get();
    }

    public boolean aborted() {
        return aborted.get();
    }
}
