package dev.custodian.net.service;

import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.CloseReason;

/**
 * Told when an association accepted by a {@link DicomServer} opens and when it ends, with its
 * DIMSE session: e.g. to keep per-association counters and write one log line for each. Called
 * on the association's reader thread; must not block.
 */
public interface SessionListener {
    /** Listens to nothing. */
    SessionListener NONE = new SessionListener() {
        @Override
        public void opened(Association association, DimseSession session) {
        }

        @Override
        public void closed(Association association, DimseSession session, CloseReason reason) {
        }
    };

    /** The A-ASSOCIATE-AC went out; no request has been read yet. */
    void opened(Association association, DimseSession session);

    /**
     * The association ended and its session has failed whatever was still outstanding. Called
     * also when {@link #opened} threw (the association is then aborted).
     */
    void closed(Association association, DimseSession session, CloseReason reason);
}
