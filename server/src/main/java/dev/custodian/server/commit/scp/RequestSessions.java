package dev.custodian.server.commit.scp;

import dev.custodian.net.dimse.DimseSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The associations requests arrived on, by job ID, on this node and while they may matter: for
 * a report on the same association and to leave the request's own association out of the
 * in-flight grace. Lost at a restart, and unknown to other nodes: both then use a new association.
 */
public final class RequestSessions {
    private final Map<String, DimseSession> byJob = new ConcurrentHashMap<>();

    void put(String jobId, DimseSession session) {
        byJob.put(jobId, session);
    }

    /** The request's association, or null when unknown here. */
    DimseSession get(String jobId) {
        return byJob.get(jobId);
    }

    void remove(String jobId) {
        byJob.remove(jobId);
    }

    /** Forgets associations that have ended. */
    void prune() {
        byJob.values().removeIf(s -> s.channel() instanceof dev.custodian.net.dimse.AssociationChannel c
                && !c.association().isOpen());
    }
}
