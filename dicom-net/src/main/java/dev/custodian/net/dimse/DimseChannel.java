package dev.custodian.net.dimse;

import dev.custodian.net.ul.DataWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What DIMSE needs from an established association (PS3.8), whichever side requested it:
 * send one message, know the accepted presentation contexts, the AE titles and the
 * asynchronous operations window, and abort. Implemented over the upper layer's association;
 * tests use an in-memory fake.
 */
public interface DimseChannel {
    /**
     * Sends one message: the command set bytes, then, when {@code data} is not null, the data
     * set it writes, both fragmented into PDVs of presentation context {@code contextId}. Sends
     * of different messages must not interleave; callers serialise them.
     */
    void send(int contextId, byte[] command, DataWriter data) throws IOException;

    /**
     * The data set of the incoming message whose command is being handled, read on the calling
     * (reader) thread during that call; -1 after its last fragment, {@link IOException} when the
     * association ends first. See {@code Association.dataSet()}.
     */
    InputStream dataSet();

    /** The accepted presentation contexts. */
    List<AcceptedContext> acceptedContexts();

    /** Our AE title on this association. */
    String localAet();

    /** The peer's AE title on this association. */
    String remoteAet();

    /**
     * Maximum number of outstanding operations we may invoke (PS3.7 §D.3.3.3, Asynchronous
     * Operations Window); 1 when the window was not negotiated, 0 for unlimited.
     */
    int maxOperationsInvoked();

    /** A-ABORT by the service user (PS3.8 §7.3). */
    void abort();

    /**
     * Orderly A-RELEASE (PS3.8 §7.2): sends A-RELEASE-RQ and waits, at most {@code timeoutMillis},
     * for A-RELEASE-RP; aborts when none comes.
     */
    void release(long timeoutMillis) throws IOException;

    /** The accepted context {@code id}, or null. */
    default AcceptedContext context(int id) {
        for (AcceptedContext pc : acceptedContexts()) {
            if (pc.id() == id) {
                return pc;
            }
        }
        return null;
    }
}
