package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.UserInformation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one association negotiated (PS3.8 §7.1, PS3.7 Annex D.3.3): the A-ASSOCIATE-RQ, the
 * A-ASSOCIATE-AC and the accepted presentation contexts by ID. Written by the reader thread (or by
 * the requesting thread before the reader starts), read from any thread.
 */
final class Negotiated {

    private final boolean requestor;
    private volatile AAssociateRq request;
    private volatile AAssociateAc acceptance;
    private volatile Map<Integer, NegotiatedContext> contexts = Map.of();

    Negotiated(boolean requestor) {
        this.requestor = requestor;
    }

    /** The A-ASSOCIATE-RQ (ours or the peer's); null before it was received. */
    AAssociateRq request() {
        return request;
    }

    /** Records the A-ASSOCIATE-RQ sent or received, before any answer. */
    void requested(AAssociateRq rq) {
        request = rq;
    }

    /** The A-ASSOCIATE-AC; null until the association is established. */
    AAssociateAc acceptance() {
        return acceptance;
    }

    /** Records the A-ASSOCIATE-AC answering {@code rq} and the contexts it accepted. */
    void accepted(AAssociateRq rq, AAssociateAc ac) {
        request = rq;
        acceptance = ac;
        contexts = Negotiation.contexts(rq, ac).stream()
                .collect(Collectors.toUnmodifiableMap(NegotiatedContext::id, Function.identity()));
    }

    /** Accepted presentation contexts, in ID order. */
    List<NegotiatedContext> acceptedContexts() {
        return contexts.values().stream().sorted(Comparator.comparingInt(NegotiatedContext::id)).toList();
    }

    Optional<NegotiatedContext> context(int presentationContextId) {
        return Optional.ofNullable(contexts.get(presentationContextId));
    }

    boolean contextAccepted(int id) {
        return contexts.containsKey(id);
    }

    /** The peer's user information (PS3.8 Annex D.3.3): from the AC if we requested, else the RQ. */
    UserInformation peerUserInformation() {
        if (acceptance == null) {
            throw new IllegalStateException("association not established");
        }
        return requestor ? acceptance.userInformation() : request.userInformation();
    }

    /** For the log line saying the association was established. */
    String summary() {
        UserInformation peer = peerUserInformation();
        List<NegotiatedContext> accepted = acceptedContexts();
        return "(" + (requestor ? "requested" : "accepted") + "): " + accepted.size() + " of "
                + request.presentationContexts().size() + " contexts accepted "
                + accepted.stream().map(c -> c.id() + ":" + c.abstractSyntax() + "/" + c.transferSyntax()).toList()
                + ", peer max PDU " + peer.maximumLength() + ", peer implementation "
                + peer.implementationClassUid().orElse("?") + " " + peer.implementationVersionName().orElse("");
    }
}
