package dev.custodian.net.ul;

import java.util.Objects;

/**
 * An accepted presentation context: what both sides agreed (PS3.8 §9.3.3.2) including the roles
 * of SCP/SCU role selection (PS3.7 Annex D.3.3.4), seen from the association requestor.
 *
 * @param requestorScu the requestor may invoke operations (act as SCU) on this context
 * @param requestorScp the requestor may perform operations (act as SCP), e.g. receive the
 *                     N-EVENT-REPORT of Storage Commitment on a report association
 */
public record NegotiatedContext(int id, String abstractSyntax, String transferSyntax, boolean requestorScu,
                                boolean requestorScp) {

    public NegotiatedContext {
        Objects.requireNonNull(abstractSyntax, "abstractSyntax");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
    }

    /** Whether the side that is {@code requestor} may act as SCU (send requests) here. */
    public boolean mayInvoke(boolean requestor) {
        return requestor ? requestorScu : requestorScp;
    }

    /** Whether the side that is {@code requestor} may act as SCP (answer requests) here. */
    public boolean mayPerform(boolean requestor) {
        return requestor ? requestorScp : requestorScu;
    }
}
