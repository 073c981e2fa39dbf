package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.PresentationContextResult;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.ScpScuRoleSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The usual acceptor rules, configured by the application:
 * <ul>
 * <li>called AE title must be one of ours (empty set = any) → else rejected-permanent,
 *     service-user, called-AE-title-not-recognized (7);</li>
 * <li>calling AE title must be known → else rejected-permanent, service-user,
 *     calling-AE-title-not-recognized (3);</li>
 * <li>the application context must be the DICOM one → else reason 2;</li>
 * <li>each presentation context: abstract syntax not in the registry → abstract-syntax-not-supported
 *     (3); otherwise one transfer syntax both sides have, chosen by
 *     {@link SupportedSyntaxes#selection()} (the first in the requestor's order, or in ours), or
 *     transfer-syntaxes-not-supported (4);</li>
 * <li>role selection: the requestor's SCU role is accepted as proposed; its SCP role only where
 *     the registry allows it.</li>
 * </ul>
 */
public final class DefaultAcceptorPolicy implements AcceptorPolicy {

    private final Set<String> calledAeTitles;
    private final Predicate<String> callingAeTitleKnown;
    private final SupportedSyntaxes syntaxes;

    public DefaultAcceptorPolicy(Set<String> calledAeTitles, Predicate<String> callingAeTitleKnown,
                                 SupportedSyntaxes syntaxes) {
        this.calledAeTitles = Set.copyOf(calledAeTitles);
        this.callingAeTitleKnown = Objects.requireNonNull(callingAeTitleKnown, "callingAeTitleKnown");
        this.syntaxes = Objects.requireNonNull(syntaxes, "syntaxes");
    }

    @Override
    public AcceptorDecision decide(AAssociateRq rq, String remoteAddress) {
        if (!calledAeTitles.isEmpty() && !calledAeTitles.contains(rq.calledAeTitle())) {
            return AcceptorDecision.calledAeNotRecognized();
        }
        if (!callingAeTitleKnown.test(rq.callingAeTitle())) {
            return AcceptorDecision.callingAeNotRecognized();
        }
        if (!AAssociateRq.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContextName())) {
            return AcceptorDecision.applicationContextNotSupported();
        }
        List<PresentationContextAc> contexts = rq.presentationContexts().stream().map(this::answer).toList();
        List<ScpScuRoleSelection> roles = new ArrayList<>();
        for (ScpScuRoleSelection proposed : rq.userInformation().roleSelections()) {
            roles.add(new ScpScuRoleSelection(proposed.sopClassUid(), proposed.scuRole(),
                    proposed.scpRole() && syntaxes.requestorMayBeScp(proposed.sopClassUid())));
        }
        return new AcceptorDecision.Accept(contexts, roles, List.of());
    }

    private PresentationContextAc answer(PresentationContextRq pc) {
        Optional<List<String>> ours = syntaxes.transferSyntaxes(pc.abstractSyntax());
        if (ours.isEmpty()) {
            return PresentationContextAc.rejected(pc.id(), PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        }
        return syntaxes.selection().choose(ours.get(), pc.transferSyntaxes())
                .map(ts -> PresentationContextAc.accepted(pc.id(), ts))
                .orElseGet(() -> PresentationContextAc.rejected(pc.id(),
                        PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED));
    }
}
