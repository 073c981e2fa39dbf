package dev.custodian.net.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.PresentationContextResult;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.RejectResult;
import dev.custodian.net.pdu.RejectSource;
import dev.custodian.net.pdu.ScpScuRoleSelection;
import dev.custodian.net.pdu.UserInformation;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.ul.AcceptorDecision;
import dev.custodian.net.ul.AcceptorPolicy;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.net.ul.SupportedSyntaxes;
import dev.custodian.net.ul.TransferSyntaxSelection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The acceptor policy a {@link DicomServer} uses by default (PS3.8 §9.3.2–9.3.4); sockets are in interop-tests. */
class DicomServerTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String STGCMT = "1.2.840.10008.1.20.1";
    private static final AcceptorConfig ACCEPTOR = new AcceptorConfig("127.0.0.1", 0, 4, AssociationSettings.DEFAULT,
            null);
    private static final ServiceRegistry REGISTRY = ServiceRegistry.builder()
            .verification()
            .store((ctx, rq, data) -> Status.SUCCESS, List.of(CT))
            .eventReport(STGCMT, (ctx, rq, data) -> Status.SUCCESS)
            .build();

    private static AAssociateRq request(String calling, String called, List<ScpScuRoleSelection> roles) {
        return new AAssociateRq(1, called, calling, AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(
                new PresentationContextRq(1, Uid.Verification, List.of(Uid.ImplicitVRLittleEndian)),
                new PresentationContextRq(3, CT, List.of(Uid.ImplicitVRLittleEndian, Uid.JPEGBaseline8Bit)),
                new PresentationContextRq(5, "1.2.840.10008.5.1.4.1.1.4", List.of(Uid.ImplicitVRLittleEndian)),
                new PresentationContextRq(7, STGCMT, List.of(Uid.JPEGBaseline8Bit))),
                UserInformation.of(16384, "1.2.3", "TEST", roles));
    }

    private static AAssociateRj rejection(AcceptorDecision d) {
        assertThat(d).isInstanceOf(AcceptorDecision.Reject.class);
        return ((AcceptorDecision.Reject) d).rejection();
    }

    @Test
    void defaultPolicyRejectsAnotherCalledAeTitle() {
        AcceptorPolicy policy = DicomServer.defaultPolicy(DicomServerConfig.of("ARCHIVE", ACCEPTOR,
                Duration.ofSeconds(5)), REGISTRY);
        assertThat(rejection(policy.decide(request("CT1", "OTHER", List.of()), "127.0.0.1:5000")))
                .isEqualTo(new AAssociateRj(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER,
                        AAssociateRj.USER_CALLED_AE_TITLE_NOT_RECOGNIZED));
    }

    @Test
    void defaultPolicyRejectsAnUnknownCallingAeTitle() {
        DicomServerConfig config = new DicomServerConfig("ARCHIVE", "CT1"::equals, ACCEPTOR, Duration.ofSeconds(5),
                DicomServerConfig.DEFAULT_STORAGE_TRANSFER_SYNTAXES, DicomServerConfig.DEFAULT_OTHER_TRANSFER_SYNTAXES,
                TransferSyntaxSelection.PROPOSER_ORDER);
        AcceptorPolicy policy = DicomServer.defaultPolicy(config, REGISTRY);
        assertThat(rejection(policy.decide(request("MR1", "ARCHIVE", List.of()), "127.0.0.1:5000")).reason())
                .isEqualTo(AAssociateRj.USER_CALLING_AE_TITLE_NOT_RECOGNIZED);
        assertThat(policy.decide(request("CT1", "ARCHIVE", List.of()), "127.0.0.1:5000"))
                .isInstanceOf(AcceptorDecision.Accept.class);
    }

    @Test
    void defaultPolicyAnswersContextsFromTheRegistry() {
        AcceptorPolicy policy = DicomServer.defaultPolicy(DicomServerConfig.of("ARCHIVE", ACCEPTOR,
                Duration.ofSeconds(5)), REGISTRY);
        AcceptorDecision d = policy.decide(request("CT1", "ARCHIVE", List.of(new ScpScuRoleSelection(STGCMT, true,
                true), new ScpScuRoleSelection(CT, true, true))), "127.0.0.1:5000");
        assertThat(d).isInstanceOf(AcceptorDecision.Accept.class);
        AcceptorDecision.Accept accept = (AcceptorDecision.Accept) d;
        assertThat(accept.contexts()).containsExactly(
                PresentationContextAc.accepted(1, Uid.ImplicitVRLittleEndian),
                PresentationContextAc.accepted(3, Uid.ImplicitVRLittleEndian),
                PresentationContextAc.rejected(5, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                PresentationContextAc.rejected(7, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED));
        // we receive N-EVENT-REPORTs, so the requestor may be SCP of Storage Commitment; not of CT Storage
        assertThat(accept.roleSelections()).containsExactly(new ScpScuRoleSelection(STGCMT, true, true),
                new ScpScuRoleSelection(CT, true, false));
    }

    @Test
    void supportedSyntaxesFollowTheConfiguredTransferSyntaxes() {
        DicomServerConfig config = DicomServerConfig.of("ARCHIVE", ACCEPTOR, Duration.ofSeconds(5))
                .withStorageTransferSyntaxes(List.of(Uid.JPEGBaseline8Bit, Uid.ImplicitVRLittleEndian));
        SupportedSyntaxes syntaxes = DicomServer.supportedSyntaxes(config, REGISTRY);
        assertThat(syntaxes.abstractSyntaxes()).containsExactlyInAnyOrder(Uid.Verification, CT, STGCMT);
        assertThat(syntaxes.transferSyntaxes(CT)).contains(List.of(Uid.JPEGBaseline8Bit, Uid.ImplicitVRLittleEndian));
        assertThat(syntaxes.transferSyntaxes(Uid.Verification))
                .contains(DicomServerConfig.DEFAULT_OTHER_TRANSFER_SYNTAXES);
        assertThat(syntaxes.requestorMayBeScp(STGCMT)).isTrue();
        assertThat(syntaxes.requestorMayBeScp(CT)).isFalse();
        assertThat(syntaxes.selection()).as("default").isEqualTo(TransferSyntaxSelection.PROPOSER_ORDER);
    }

    @Test
    void theConfiguredSelectionPicksTheTransferSyntaxOfEachContext() {
        DicomServerConfig config = DicomServerConfig.of("ARCHIVE", ACCEPTOR, Duration.ofSeconds(5));
        AAssociateRq rq = new AAssociateRq(1, "ARCHIVE", "CT1", AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(
                new PresentationContextRq(1, CT, List.of(Uid.RLELossless, Uid.ExplicitVRLittleEndian)),
                new PresentationContextRq(3, Uid.Verification, List.of(Uid.ImplicitVRLittleEndian,
                        Uid.ExplicitVRLittleEndian))),
                UserInformation.of(16384, "1.2.3", "TEST", List.of()));
        var proposer = (AcceptorDecision.Accept) DicomServer.defaultPolicy(config, REGISTRY).decide(rq, "h");
        assertThat(proposer.contexts()).containsExactly(PresentationContextAc.accepted(1, Uid.RLELossless),
                PresentationContextAc.accepted(3, Uid.ImplicitVRLittleEndian));
        var fixed = (AcceptorDecision.Accept) DicomServer.defaultPolicy(
                config.withTransferSyntaxSelection(TransferSyntaxSelection.ACCEPTOR_ORDER), REGISTRY).decide(rq, "h");
        assertThat(fixed.contexts()).containsExactly(PresentationContextAc.accepted(1, Uid.ExplicitVRLittleEndian),
                PresentationContextAc.accepted(3, Uid.ExplicitVRLittleEndian));
    }
}
