package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAssociateRq;

/**
 * Decides whether to accept an association request and which presentation contexts and roles
 * (PS3.8 §9.3.2–9.3.3, PS3.7 Annex D.3.3.4). Called on the association's reader thread; must not
 * block for long (ARTIM is running on the peer's side).
 */
@FunctionalInterface
public interface AcceptorPolicy {

    AcceptorDecision decide(AAssociateRq request, String remoteAddress);
}
