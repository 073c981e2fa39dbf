package dev.custodian.net.dimse;

/**
 * Where an incoming request arrived: the presentation context (its abstract and negotiated
 * transfer syntax), the AE titles, and the session, through which a service may later send a
 * request of its own on the same association (e.g. a Storage Commitment N-EVENT-REPORT).
 */
public record RequestContext(AcceptedContext presentationContext, String localAet, String remoteAet,
                             DimseSession session) {
    public RequestContext {
        if (presentationContext == null || session == null) {
            throw new IllegalArgumentException("presentation context and session are required");
        }
    }

    /** The transfer syntax the request's data set is encoded in. */
    public String transferSyntax() {
        return presentationContext.transferSyntax();
    }
}
