package dev.custodian.net.dimse;

import dev.custodian.net.pdu.AsynchronousOperationsWindow;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.DataWriter;
import dev.custodian.net.ul.NegotiatedContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link DimseChannel} over an upper-layer {@link Association}, requested or accepted. */
public final class AssociationChannel implements DimseChannel {
    private final Association association;
    private final List<AcceptedContext> contexts;

    /** @param association established (its contexts are read once, here) */
    public AssociationChannel(Association association) {
        this.association = association;
        this.contexts = association.acceptedContexts().stream().map(AssociationChannel::toAccepted).toList();
    }

    public Association association() {
        return association;
    }

    @Override
    public void send(int contextId, byte[] command, DataWriter data) throws IOException {
        try {
            association.send(contextId, command, data);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public InputStream dataSet() {
        return association.dataSet();
    }

    @Override
    public List<AcceptedContext> acceptedContexts() {
        return contexts;
    }

    @Override
    public String localAet() {
        return association.localAeTitle();
    }

    @Override
    public String remoteAet() {
        return association.remoteAeTitle();
    }

    /**
     * PS3.7 §D.3.3.3: the window the A-ASSOCIATE-AC agreed, stated like the request's, from the
     * requestor's side: "invoked" bounds the requestor's outstanding requests, "performed" those
     * it performs, i.e. the acceptor's. Without the item both are 1 (the default).
     */
    @Override
    public int maxOperationsInvoked() {
        Optional<AsynchronousOperationsWindow> w = association.acceptance().userInformation()
                .asynchronousOperationsWindow();
        if (w.isEmpty()) {
            return 1;
        }
        return association.isRequestor() ? w.get().maxOperationsInvoked() : w.get().maxOperationsPerformed();
    }

    @Override
    public void abort() {
        association.abort("DIMSE protocol error");
    }

    @Override
    public void release(long timeoutMillis) throws IOException {
        association.release(Duration.ofMillis(timeoutMillis));
    }

    private static AcceptedContext toAccepted(NegotiatedContext c) {
        return new AcceptedContext(c.id(), c.abstractSyntax(), c.transferSyntax());
    }
}
