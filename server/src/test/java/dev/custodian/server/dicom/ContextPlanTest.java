package dev.custodian.server.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.UserInformation;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.ul.AcceptorDecision;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.DefaultAcceptorPolicy;
import dev.custodian.net.ul.SupportedSyntaxes;
import dev.custodian.net.ul.TransferSyntaxSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The presentation contexts the SCU proposes and how instances are split over associations (pure). */
class ContextPlanTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    private static final String JPEG = "1.2.840.10008.1.2.4.50";

    private static OutgoingInstance instance(String id, String sopClass, String ts) {
        return new OutgoingInstance(id, Path.of(id + ".dcm"), sopClass, ts);
    }

    @Test
    void eachSopClassGetsItsSyntaxesThenOneContextWithExplicitAndImplicitLittleEndian() {
        var files = List.of(instance("a", CT, JPEG), instance("b", CT, Uid.ExplicitVRLittleEndian),
                instance("c", MR, JPEG), instance("d", CT, JPEG));
        Map<String, Set<String>> syntaxes = ContextPlan.syntaxesBySopClass(files);
        assertThat(syntaxes).containsExactly(Map.entry(CT, Set.of(JPEG, Uid.ExplicitVRLittleEndian)),
                Map.entry(MR, Set.of(JPEG)));
        assertThat(ContextPlan.contexts(syntaxes)).isEqualTo(5);
        AssociationProposal p = ContextPlan.propose(AssociationProposal.builder("US", "THEM"), syntaxes);
        assertThat(p.contexts()).extracting(PresentationContextRq::abstractSyntax).containsExactly(CT, CT, CT, MR, MR);
        assertThat(p.contexts()).extracting(PresentationContextRq::transferSyntaxes).containsExactly(
                List.of(JPEG), List.of(Uid.ExplicitVRLittleEndian),
                List.of(Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian),
                List.of(JPEG), List.of(Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian));
    }

    @Test
    void ourProposalsGetEachFilesOwnSyntaxFromAnAcceptorOfEitherPreference() {
        var files = List.of(instance("a", CT, JPEG), instance("b", CT, Uid.ExplicitVRBigEndian));
        AssociationProposal p = ContextPlan.propose(AssociationProposal.builder("US", "THEM"),
                ContextPlan.syntaxesBySopClass(files));
        AAssociateRq rq = new AAssociateRq(1, "THEM", "US", AAssociateRq.DICOM_APPLICATION_CONTEXT, p.contexts(),
                UserInformation.of(16384, "1.2.3", "TEST", List.of()));
        for (TransferSyntaxSelection selection : TransferSyntaxSelection.values()) {
            var acceptor = new DefaultAcceptorPolicy(Set.of(), aet -> true, SupportedSyntaxes.builder()
                    .add(CT, DicomServerConfig.DEFAULT_STORAGE_TRANSFER_SYNTAXES).selection(selection).build());
            var accepted = ((AcceptorDecision.Accept) acceptor.decide(rq, "h")).contexts();
            assertThat(accepted).as(selection.name()).extracting(PresentationContextAc::transferSyntax)
                    .containsExactly(JPEG, Uid.ExplicitVRBigEndian, Uid.ExplicitVRLittleEndian);
        }
    }

    @Test
    void moreThan128ContextsAreSplitBySopClassIntoBatches() {
        List<OutgoingInstance> files = new ArrayList<>();
        for (int i = 0; i < 70; i++) { // 70 SOP classes x 2 contexts = 140 > 128
            files.add(instance("i" + i, "1.2.3." + i, Uid.ExplicitVRLittleEndian));
        }
        List<List<OutgoingInstance>> batches = ContextPlan.batches(files);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).hasSize(64);
        assertThat(batches.get(1)).hasSize(6);
        for (var b : batches) {
            assertThat(ContextPlan.contexts(ContextPlan.syntaxesBySopClass(b))).isLessThanOrEqualTo(ContextPlan.MAX_CONTEXTS);
        }
        assertThat(ContextPlan.batches(files.subList(0, 3))).containsExactly(files.subList(0, 3));
    }

    @Test
    void upcomingInstancesAreAddedWhileTheyFitAndUnreadableOnesAreSkipped() {
        Map<String, Set<String>> needs = Map.of(CT, Set.of(JPEG));
        Map<String, Optional<ContextPlan.Syntax>> headers = Map.of(
                "same", Optional.of(new ContextPlan.Syntax(CT, JPEG)),
                "newSyntax", Optional.of(new ContextPlan.Syntax(CT, Uid.ExplicitVRLittleEndian)),
                "newClass", Optional.of(new ContextPlan.Syntax(MR, JPEG)),
                "unreadable", Optional.empty());
        Map<String, Set<String>> out = ContextPlan.withUpcoming(needs, List.of("same", "unreadable", "newSyntax", "newClass"),
                headers::get);
        assertThat(out).containsExactly(Map.entry(CT, Set.of(JPEG, Uid.ExplicitVRLittleEndian)), Map.entry(MR, Set.of(JPEG)));
        assertThat(needs).as("needs is not changed").containsExactly(Map.entry(CT, Set.of(JPEG)));

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("1.2.3." + i);
        }
        Map<String, Set<String>> full = ContextPlan.withUpcoming(needs, many,
                id -> Optional.of(new ContextPlan.Syntax(id, JPEG)));
        assertThat(ContextPlan.contexts(full)).isEqualTo(ContextPlan.MAX_CONTEXTS);
        assertThat(full).containsKey(CT).hasSize(64);
    }
}
