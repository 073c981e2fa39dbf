package dev.custodian.net.ul;

import java.io.IOException;

/**
 * Receives the DIMSE messages (PS3.7 §6.3) arriving on an association — on associations we
 * accepted and on ones we requested alike. Called on the association's reader thread, one message
 * at a time, in arrival order.
 *
 * <p>Per message: {@link #onCommand} with the complete command set (in memory, at most
 * {@link AssociationSettings#maxCommandLength()} bytes). During that call the listener may read the
 * data set that follows through {@link Association#dataSet()}: pulled on the same thread, fragment
 * by fragment, with no copy and no thread hand-off. The fragments it did not read go, as they
 * arrive, into the {@link DataSink} it returns (the last call having {@code last = true}); it
 * returns {@link DataSink#NO_DATA_SET} when the command says none follows (Command Data Set Type
 * 0101H). Nothing of the data set is kept by the upper layer: while the listener runs no further
 * PDU is read except by its own data set reads, so a slow listener slows the peer down through TCP
 * (backpressure), and memory stays bounded by one PDU.
 *
 * <p>An exception thrown from a callback aborts the association (A-ABORT, service-user source),
 * unless the association had already ended under the data set read: a DIMSE service that wants to
 * answer with a failure status must catch its own errors, consume the remaining fragments and send
 * its response.
 */
@FunctionalInterface
public interface MessageListener {

    /**
     * @param presentationContextId the context the command arrived on (see
     *                              {@link Association#context(int)} for its syntaxes)
     * @param command               the whole command set, encoded in implicit VR little endian
     * @return where the data set fragments not read through {@link Association#dataSet()} go
     *         (ignored when it was read to its end), or {@link DataSink#NO_DATA_SET} when the
     *         command says none follows (Command Data Set Type 0101H)
     */
    DataSink onCommand(Association association, int presentationContextId, byte[] command) throws IOException;
}
