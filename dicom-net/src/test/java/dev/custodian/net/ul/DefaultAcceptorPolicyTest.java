package dev.custodian.net.ul;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.PresentationContextResult;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.RejectResult;
import dev.custodian.net.pdu.RejectSource;
import dev.custodian.net.pdu.ScpScuRoleSelection;
import dev.custodian.net.pdu.UserInformation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultAcceptorPolicyTest {

    static final String STGCMT = "1.2.840.10008.1.20.1";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String IMPLICIT = "1.2.840.10008.1.2";
    static final String EXPLICIT = "1.2.840.10008.1.2.1";
    static final String JPEG = "1.2.840.10008.1.2.4.50";

    private final DefaultAcceptorPolicy policy = new DefaultAcceptorPolicy(Set.of("ARCHIVE"), "MOD"::equals,
            SupportedSyntaxes.builder().add(CT, EXPLICIT, IMPLICIT).add(STGCMT, IMPLICIT).allowRequestorScp(STGCMT)
                    .build());

    private static AAssociateRq rq(String called, String calling, String appContext, List<PresentationContextRq> pcs,
                                   List<ScpScuRoleSelection> roles) {
        return new AAssociateRq(1, called, calling, appContext, pcs, new UserInformation(List.copyOf(roles)));
    }

    @Test
    void rejectionsCarryTheStandardResultSourceAndReason() {
        List<PresentationContextRq> pcs = List.of(new PresentationContextRq(1, CT, List.of(IMPLICIT)));
        assertThat(policy.decide(rq("X", "MOD", AAssociateRq.DICOM_APPLICATION_CONTEXT, pcs, List.of()), "h"))
                .isEqualTo(new AcceptorDecision.Reject(new AAssociateRj(RejectResult.REJECTED_PERMANENT,
                        RejectSource.SERVICE_USER, 7)));
        assertThat(policy.decide(rq("ARCHIVE", "WHO", AAssociateRq.DICOM_APPLICATION_CONTEXT, pcs, List.of()), "h"))
                .isEqualTo(new AcceptorDecision.Reject(new AAssociateRj(RejectResult.REJECTED_PERMANENT,
                        RejectSource.SERVICE_USER, 3)));
        assertThat(policy.decide(rq("ARCHIVE", "MOD", "1.2.3", pcs, List.of()), "h"))
                .isEqualTo(new AcceptorDecision.Reject(new AAssociateRj(RejectResult.REJECTED_PERMANENT,
                        RejectSource.SERVICE_USER, 2)));
        assertThat(AcceptorDecision.localLimitExceeded().rejection()).isEqualTo(new AAssociateRj(
                RejectResult.REJECTED_TRANSIENT, RejectSource.SERVICE_PROVIDER_PRESENTATION, 2));
        assertThat(AcceptorDecision.noReasonGiven(RejectResult.REJECTED_PERMANENT).rejection().reason()).isEqualTo(1);
    }

    private static List<PresentationContextRq> syntaxProposals() {
        return List.of(
                new PresentationContextRq(1, CT, List.of(IMPLICIT, EXPLICIT)),
                new PresentationContextRq(3, CT, List.of(IMPLICIT)),
                new PresentationContextRq(5, CT, List.of(JPEG)),
                new PresentationContextRq(7, "1.2.3.4", List.of(IMPLICIT)),
                new PresentationContextRq(9, CT, List.of(JPEG, "1.2.3.999", EXPLICIT, IMPLICIT)));
    }

    @Test
    void picksTheRequestorsFirstProposedTransferSyntaxThatWeSupport() {
        var decision = (AcceptorDecision.Accept) policy.decide(rq("ARCHIVE", "MOD",
                AAssociateRq.DICOM_APPLICATION_CONTEXT, syntaxProposals(), List.of()), "h");
        assertThat(decision.contexts()).containsExactly(
                PresentationContextAc.accepted(1, IMPLICIT),
                PresentationContextAc.accepted(3, IMPLICIT),
                PresentationContextAc.rejected(5, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED),
                PresentationContextAc.rejected(7, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                PresentationContextAc.accepted(9, EXPLICIT)); // JPEG and the unknown syntax skipped
    }

    @Test
    void acceptorOrderPicksOurFirstPreferredTransferSyntaxThatWasProposed() {
        DefaultAcceptorPolicy fixed = new DefaultAcceptorPolicy(Set.of("ARCHIVE"), "MOD"::equals,
                SupportedSyntaxes.builder().add(CT, EXPLICIT, IMPLICIT)
                        .selection(TransferSyntaxSelection.ACCEPTOR_ORDER).build());
        var decision = (AcceptorDecision.Accept) fixed.decide(rq("ARCHIVE", "MOD",
                AAssociateRq.DICOM_APPLICATION_CONTEXT, syntaxProposals(), List.of()), "h");
        assertThat(decision.contexts()).containsExactly(
                PresentationContextAc.accepted(1, EXPLICIT),
                PresentationContextAc.accepted(3, IMPLICIT),
                PresentationContextAc.rejected(5, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED),
                PresentationContextAc.rejected(7, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                PresentationContextAc.accepted(9, EXPLICIT));
    }

    @Test
    void scpRoleIsAcceptedOnlyWhereTheApplicationAllowsIt() {
        var decision = (AcceptorDecision.Accept) policy.decide(rq("ARCHIVE", "MOD",
                AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(new PresentationContextRq(1, STGCMT, List.of(IMPLICIT)),
                        new PresentationContextRq(3, CT, List.of(IMPLICIT))),
                List.of(new ScpScuRoleSelection(STGCMT, false, true), new ScpScuRoleSelection(CT, true, true))), "h");
        assertThat(decision.roleSelections()).containsExactly(new ScpScuRoleSelection(STGCMT, false, true),
                new ScpScuRoleSelection(CT, true, false));
    }

    @Test
    void emptyCalledSetAcceptsAnyCalledAe() {
        DefaultAcceptorPolicy any = new DefaultAcceptorPolicy(Set.of(), c -> true,
                SupportedSyntaxes.builder().add(CT, IMPLICIT).build());
        assertThat(any.decide(rq("WHATEVER", "X", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, CT, List.of(IMPLICIT))), List.of()), "h"))
                .isInstanceOf(AcceptorDecision.Accept.class);
    }
}
