package dev.custodian.server.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.PresentationContextResult;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.ScpScuRoleSelection;
import dev.custodian.net.pdu.UserInformation;
import dev.custodian.net.ul.AcceptorDecision;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.service.StorageSopClasses;
import dev.custodian.net.ul.SupportedSyntaxes;
import dev.custodian.server.config.ConfigLoader;
import dev.custodian.server.config.CustodianConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssociationRulesTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final SupportedSyntaxes SYNTAXES = SupportedSyntaxes.builder()
            .add(Uid.Verification, Uid.ImplicitVRLittleEndian)
            .add(CT, Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian)
            .add(Uid.StorageCommitmentPushModel, Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian)
            .allowRequestorScp(Uid.StorageCommitmentPushModel).build();
    private static final String MODALITIES = "\"DicomModalities\": { \"ct\": [\"CT1\", \"10.0.0.5\", 104],"
            + " \"echo\": { \"AET\": \"ECHOONLY\", \"Host\": \"127.0.0.1\", \"Port\": 104, \"AllowStore\": false } }";

    private static AssociationRules rules(String json) {
        CustodianConfig config = ConfigLoader.parse("{ \"DicomAet\": \"ARCHIVE\"" + (json.isEmpty() ? "" : ", " + json)
                + " }", Path.of("/tmp"));
        return new AssociationRules(config, config::dicomModalities, SYNTAXES);
    }

    private static AAssociateRq request(String calling, String called) {
        return new AAssociateRq(1, called, calling, AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(
                new PresentationContextRq(1, Uid.Verification, List.of(Uid.ImplicitVRLittleEndian)),
                new PresentationContextRq(3, CT, List.of(Uid.ExplicitVRLittleEndian))),
                UserInformation.of(16384, "1.2.3", "TEST", List.of()));
    }

    private static Map<Integer, PresentationContextResult> results(AcceptorDecision d) {
        assertThat(d).isInstanceOf(AcceptorDecision.Accept.class);
        return ((AcceptorDecision.Accept) d).contexts().stream()
                .collect(java.util.stream.Collectors.toMap(PresentationContextAc::id, PresentationContextAc::result));
    }

    private static int rejectReason(AcceptorDecision d) {
        assertThat(d).isInstanceOf(AcceptorDecision.Reject.class);
        return ((AcceptorDecision.Reject) d).rejection().reason();
    }

    @Test
    void defaultsAcceptAnyCallingAndCalledAe() {
        var d = rules("").decide(request("ANYONE", "WHATEVER"), "192.168.1.9:5000");
        assertThat(results(d)).containsEntry(1, PresentationContextResult.ACCEPTANCE)
                .containsEntry(3, PresentationContextResult.ACCEPTANCE);
    }

    @Test
    void checkCalledAetRejectsAnotherCalledAe() {
        AssociationRules r = rules("\"DicomCheckCalledAet\": true");
        assertThat(rejectReason(r.decide(request("ANYONE", "WHATEVER"), "127.0.0.1:1")))
                .isEqualTo(AAssociateRj.USER_CALLED_AE_TITLE_NOT_RECOGNIZED);
        assertThat(results(r.decide(request("ANYONE", "ARCHIVE"), "127.0.0.1:1"))).hasSize(2);
    }

    @Test
    void unknownCallingAeIsRejectedWhenNothingIsAlwaysAllowed() {
        AssociationRules r = rules("\"DicomAlwaysAllowStore\": false, \"DicomAlwaysAllowEcho\": false, " + MODALITIES);
        assertThat(rejectReason(r.decide(request("STRANGER", "ARCHIVE"), "127.0.0.1:1")))
                .isEqualTo(AAssociateRj.USER_CALLING_AE_TITLE_NOT_RECOGNIZED);
        assertThat(results(r.decide(request("CT1", "ARCHIVE"), "10.0.0.5:1")))
                .containsEntry(3, PresentationContextResult.ACCEPTANCE);
    }

    @Test
    void modalityPermissionsDecideEachContext() {
        AssociationRules r = rules("\"DicomAlwaysAllowStore\": false, \"DicomAlwaysAllowEcho\": false, " + MODALITIES);
        assertThat(results(r.decide(request("ECHOONLY", "ARCHIVE"), "127.0.0.1:1")))
                .containsEntry(1, PresentationContextResult.ACCEPTANCE)
                .containsEntry(3, PresentationContextResult.USER_REJECTION);
    }

    @Test
    void echoAlwaysAllowedButStoreNotLetsAStrangerEchoOnly() {
        AssociationRules r = rules("\"DicomAlwaysAllowStore\": false, " + MODALITIES);
        assertThat(results(r.decide(request("STRANGER", "ARCHIVE"), "127.0.0.1:1")))
                .containsEntry(1, PresentationContextResult.ACCEPTANCE)
                .containsEntry(3, PresentationContextResult.USER_REJECTION);
    }

    @Test
    void checkModalityHostRequiresTheConfiguredAddress() {
        AssociationRules r = rules("\"DicomAlwaysAllowStore\": false, \"DicomAlwaysAllowEcho\": false, "
                + "\"DicomCheckModalityHost\": true, " + MODALITIES);
        assertThat(rejectReason(r.decide(request("CT1", "ARCHIVE"), "10.0.0.6:4000")))
                .isEqualTo(AAssociateRj.USER_CALLING_AE_TITLE_NOT_RECOGNIZED);
        assertThat(results(r.decide(request("CT1", "ARCHIVE"), "10.0.0.5:4000")))
                .containsEntry(3, PresentationContextResult.ACCEPTANCE);
        assertThat(r.allows(AssociationRules.Operation.STORE, "CT1", "10.0.0.6")).isFalse();
    }

    /** The N-EVENT-REPORT of a commitment we asked for (or an N-ACTION to us), with or without role selection. */
    private static AAssociateRq commitment(String calling, boolean proposeScpRole) {
        List<ScpScuRoleSelection> roles = proposeScpRole
                ? List.of(new ScpScuRoleSelection(Uid.StorageCommitmentPushModel, false, true)) : List.of();
        return new AAssociateRq(1, "ARCHIVE", calling, AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(
                new PresentationContextRq(1, Uid.StorageCommitmentPushModel, List.of(Uid.ImplicitVRLittleEndian))),
                UserInformation.of(16384, "1.2.3", "TEST", roles));
    }

    @Test
    void storageCommitmentResultsAreAcceptedOnlyFromAModalityThatAllowsIt() {
        String modalities = "\"DicomModalities\": { \"pacs\": [\"PACS\", \"127.0.0.1\", 104],"
                + " \"nocommit\": { \"AET\": \"NOCOMMIT\", \"Host\": \"127.0.0.1\", \"Port\": 104,"
                + " \"AllowStorageCommitment\": false } }";
        AssociationRules r = rules(modalities);
        for (boolean role : new boolean[] {false, true}) {
            AcceptorDecision d = r.decide(commitment("PACS", role), "127.0.0.1:1");
            assertThat(results(d)).containsEntry(1, PresentationContextResult.ACCEPTANCE);
            if (role) {
                assertThat(((AcceptorDecision.Accept) d).roleSelections()).singleElement()
                        .satisfies(rs -> assertThat(rs.scpRole()).isTrue());
            }
            // with the SCP role (it would send us results) a peer not allowed is refused at negotiation;
            // as a requester it is refused per N-ACTION (0124H with an Error Comment), so it is accepted here
            PresentationContextResult expected = role ? PresentationContextResult.USER_REJECTION
                    : PresentationContextResult.ACCEPTANCE;
            assertThat(results(r.decide(commitment("NOCOMMIT", role), "127.0.0.1:1"))).containsEntry(1, expected);
            // DicomAlwaysAllowStore (true by default) lets a stranger store, not report results
            assertThat(results(r.decide(commitment("STRANGER", role), "127.0.0.1:1"))).containsEntry(1, expected);
        }
    }

    /** The listener's own wiring: config → ArchiveScp.serverConfig → supported syntaxes → rules. */
    private static AssociationRules archiveRules(String json) {
        CustodianConfig config = ConfigLoader.parse("{ \"DicomAet\": \"ARCHIVE\"" + (json.isEmpty() ? "" : ", " + json)
                + " }", Path.of("/tmp"));
        ServiceRegistry registry = ServiceRegistry.builder().verification()
                .store((ctx, rq, data) -> Status.SUCCESS, StorageSopClasses.standard()).build();
        return new AssociationRules(config, config::dicomModalities,
                DicomServer.supportedSyntaxes(ArchiveScp.serverConfig(config, "127.0.0.1"), registry));
    }

    private static List<PresentationContextAc> contexts(AssociationRules rules) {
        AAssociateRq rq = new AAssociateRq(1, "ARCHIVE", "MOD", AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(
                new PresentationContextRq(1, CT, List.of(Uid.RLELossless, Uid.ExplicitVRLittleEndian,
                        Uid.ImplicitVRLittleEndian)),
                new PresentationContextRq(3, CT, List.of(Uid.ExplicitVRBigEndian, Uid.ExplicitVRLittleEndian)),
                new PresentationContextRq(5, CT, List.of("1.2.3.4.5.6", Uid.JPEGBaseline8Bit)),
                new PresentationContextRq(7, Uid.Verification, List.of(Uid.ImplicitVRLittleEndian,
                        Uid.ExplicitVRLittleEndian))),
                UserInformation.of(16384, "1.2.3", "TEST", List.of()));
        return ((AcceptorDecision.Accept) rules.decide(rq, "127.0.0.1:1")).contexts();
    }

    @Test
    void byDefaultTheSendersFirstSupportedSyntaxIsAccepted() {
        assertThat(contexts(archiveRules(""))).containsExactly(
                PresentationContextAc.accepted(1, Uid.RLELossless),
                PresentationContextAc.accepted(3, Uid.ExplicitVRBigEndian),
                PresentationContextAc.accepted(5, Uid.JPEGBaseline8Bit),
                PresentationContextAc.accepted(7, Uid.ImplicitVRLittleEndian));
        assertThat(contexts(archiveRules("\"AcceptedTransferSyntaxPreference\": \"Proposer\"")))
                .isEqualTo(contexts(archiveRules("")));
    }

    @Test
    void uncompressedPreferenceKeepsTheFixedOrder() {
        assertThat(contexts(archiveRules("\"AcceptedTransferSyntaxPreference\": \"Uncompressed\""))).containsExactly(
                PresentationContextAc.accepted(1, Uid.ExplicitVRLittleEndian),
                PresentationContextAc.accepted(3, Uid.ExplicitVRLittleEndian),
                PresentationContextAc.accepted(5, Uid.JPEGBaseline8Bit),
                PresentationContextAc.accepted(7, Uid.ExplicitVRLittleEndian));
    }

    @Test
    void hostOfStripsPortSlashAndBrackets() {
        assertThat(AssociationRules.hostOf("127.0.0.1:104")).isEqualTo("127.0.0.1");
        assertThat(AssociationRules.hostOf("/10.1.2.3:5000")).isEqualTo("10.1.2.3");
        assertThat(AssociationRules.hostOf("[::1]:104")).isEqualTo("::1");
        assertThat(AssociationRules.hostOf("::1")).isEqualTo("::1");
        assertThat(AssociationRules.hostOf(null)).isEmpty();
    }
}
