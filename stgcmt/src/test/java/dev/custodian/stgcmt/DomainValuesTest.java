package dev.custodian.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainValuesTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final SopReference A = new SopReference(CT, "1.2.3.1");
    static final SopReference B = new SopReference(CT, "1.2.3.2");
    static final SopReference C = new SopReference(CT, "1.2.3.3");

    @Test
    void sopReferenceNamesTheBadAttribute() {
        assertThatThrownBy(() -> new SopReference("1.2.x", "1.2.3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0008,1150)");
        assertThatThrownBy(() -> new SopReference(CT, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0008,1155)");
        assertThatThrownBy(() -> new SopReference(CT, "1.02.3"))
                .hasMessageContaining("leading zero");
    }

    @Test
    void requestNeedsATransactionUidAndAReference() {
        assertThatThrownBy(() -> new CommitmentRequest("", List.of(A)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0008,1195)");
        assertThatThrownBy(() -> new CommitmentRequest("1.2.9", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new CommitmentRequest("1.2.9", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("(0008,1199)");
    }

    @Test
    void requestCopiesItsListAndValidatesMediaAttributes() {
        List<SopReference> refs = new ArrayList<>(List.of(A, B));
        CommitmentRequest rq = new CommitmentRequest("1.2.9", refs, " DISC_1 ", "1.2.10");
        refs.add(C);
        assertThat(rq.references()).containsExactly(A, B);
        assertThat(rq.fileSetId()).contains("DISC_1");
        assertThat(rq.fileSetUid()).contains("1.2.10");
        assertThatThrownBy(() -> rq.references().add(C)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new CommitmentRequest("1.2.9", List.of(A), "x".repeat(17), null))
                .hasMessageContaining("(0088,0130)");
        assertThatThrownBy(() -> new CommitmentRequest("1.2.9", List.of(A), "a\\b", null))
                .hasMessageContaining("(0088,0130)");
        assertThatThrownBy(() -> new CommitmentRequest("1.2.9", List.of(A), null, "1..2"))
                .hasMessageContaining("(0088,0140)");
    }

    @Test
    void failureReasonsOfTableJ32() {
        assertThat(List.of(FailureReason.PROCESSING_FAILURE, FailureReason.NO_SUCH_OBJECT_INSTANCE,
                FailureReason.RESOURCE_LIMITATION, FailureReason.REFERENCED_SOP_CLASS_NOT_SUPPORTED,
                FailureReason.CLASS_INSTANCE_CONFLICT, FailureReason.DUPLICATE_TRANSACTION_UID))
                .extracting(FailureReason::code).containsExactly(0x0110, 0x0112, 0x0213, 0x0122, 0x0119, 0x0131);
        assertThat(FailureReason.of(0x0112)).isEqualTo(FailureReason.NO_SUCH_OBJECT_INSTANCE);
        assertThat(FailureReason.NO_SUCH_OBJECT_INSTANCE.isDefined()).isTrue();
        assertThat(FailureReason.NO_SUCH_OBJECT_INSTANCE).hasToString("0112H No such object instance");
        assertThat(FailureReason.of(0xC001).isDefined()).isFalse();
        assertThat(FailureReason.of(0xC001).description()).isEqualTo("Unknown failure reason");
        assertThatThrownBy(() -> FailureReason.of(0)).hasMessageContaining("(0008,1197)");
        assertThatThrownBy(() -> FailureReason.of(0x10000)).hasMessageContaining("(0008,1197)");
    }

    @Test
    void eventTypeFollowsTheFailures() {
        CommitmentReport ok = new CommitmentReport("1.2.9", null, List.of(A, B), List.of());
        assertThat(ok.eventTypeId()).isEqualTo(1);
        assertThat(ok.allCommitted()).isTrue();
        CommitmentReport some = new CommitmentReport("1.2.9", "ARCHIVE", List.of(A),
                List.of(new FailedReference(B, FailureReason.NO_SUCH_OBJECT_INSTANCE)));
        assertThat(some.eventTypeId()).isEqualTo(2);
        CommitmentReport none = new CommitmentReport("1.2.9", null, List.of(),
                List.of(new FailedReference(B, FailureReason.RESOURCE_LIMITATION)));
        assertThat(none.eventTypeId()).isEqualTo(2);
        assertThat(some.retrieveAe()).contains("ARCHIVE");
    }

    @Test
    void reportMustReferenceSomethingAndHaveAValidAeTitle() {
        assertThatThrownBy(() -> new CommitmentReport("1.2.9", null, List.of(), List.of()))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> new CommitmentReport("1.2.9", "A_VERY_LONG_AE_TITLE", List.of(A), List.of()))
                .hasMessageContaining("(0008,0054)");
        assertThatThrownBy(() -> new CommitmentReport("1.2.9", "  ", List.of(A), List.of()))
                .hasMessageContaining("(0008,0054)");
        assertThatThrownBy(() -> new CommitmentReport("x", null, List.of(A), List.of()))
                .hasMessageContaining("(0008,1195)");
        assertThatThrownBy(() -> new FailedReference(A, null)).hasMessageContaining("(0008,1197)");
    }

    @Test
    void reportForARequestKeepsItsOrderAndReasons() {
        CommitmentRequest rq = new CommitmentRequest("1.2.9", List.of(A, B, C));
        CommitmentReport r = CommitmentReport.of(rq, "ARCHIVE", Map.of(B, FailureReason.CLASS_INSTANCE_CONFLICT));
        assertThat(r.transactionUid()).isEqualTo("1.2.9");
        assertThat(r.committed()).containsExactly(A, C);
        assertThat(r.failed()).containsExactly(new FailedReference(B, FailureReason.CLASS_INSTANCE_CONFLICT));
        assertThat(r.notReported(rq)).isEmpty();
        CommitmentReport partial = new CommitmentReport("1.2.9", null, List.of(A), List.of());
        assertThat(partial.notReported(rq)).containsExactly(B, C);
    }

    @Test
    void remoteAeIsValidated() {
        assertThat(new RemoteAe(" ORTHANC ", "127.0.0.1", 4242).aeTitle()).isEqualTo("ORTHANC");
        assertThatThrownBy(() -> new RemoteAe(null, "h", 1)).hasMessageContaining("AE title");
        assertThatThrownBy(() -> new RemoteAe("A", " ", 1)).hasMessageContaining("host");
        assertThatThrownBy(() -> new RemoteAe("A", "h", 0)).hasMessageContaining("port");
        assertThatThrownBy(() -> new RemoteAe("A", "h", 65_536)).hasMessageContaining("port");
    }
}
