package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.ScpScuRoleSelection;
import dev.custodian.net.pdu.UserInformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns an RQ and its AC into the list of {@link NegotiatedContext}s. PS3.7 Annex D.3.3.4. */
final class Negotiation {

    private Negotiation() {
    }

    static List<NegotiatedContext> contexts(AAssociateRq rq, AAssociateAc ac) {
        List<NegotiatedContext> out = new ArrayList<>();
        for (PresentationContextAc answer : ac.presentationContexts()) {
            if (!answer.isAccepted()) {
                continue;
            }
            Optional<PresentationContextRq> proposed = rq.presentationContexts().stream()
                    .filter(p -> p.id() == answer.id()).findFirst();
            if (proposed.isEmpty()) {
                continue; // an answer to a context nobody proposed is ignored
            }
            String as = proposed.get().abstractSyntax();
            boolean[] roles = roles(as, rq.userInformation(), ac.userInformation());
            out.add(new NegotiatedContext(answer.id(), as, answer.transferSyntax(), roles[0], roles[1]));
        }
        return List.copyOf(out);
    }

    /** {requestorScu, requestorScp}: the defaults (SCU only) unless both sides selected roles. */
    private static boolean[] roles(String as, UserInformation rq, UserInformation ac) {
        Optional<ScpScuRoleSelection> proposed = rq.roleSelection(as);
        Optional<ScpScuRoleSelection> answered = ac.roleSelection(as);
        if (proposed.isEmpty() || answered.isEmpty()) {
            return new boolean[] {true, false};
        }
        return new boolean[] {proposed.get().scuRole() && answered.get().scuRole(),
                proposed.get().scpRole() && answered.get().scpRole()};
    }
}
