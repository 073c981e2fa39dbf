package dev.custodian.commit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentValuesTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @Test
    void aFailureWithoutDescriptionIsDescribedByItsReason() {
        CommitmentAnswer answer = CommitmentAnswer.failed(FailureReason.NO_SUCH_OBJECT_INSTANCE);
        assertThat(answer.committed()).isFalse();
        assertThat(answer.description()).isEqualTo("No such object instance");
        assertThat(answer.reason().code()).isEqualTo(0x0112);
        assertThat(CommitmentAnswer.COMMITTED.committed()).isTrue();
    }

    @Test
    void aCommittedAnswerHasNoDescription() {
        assertThatThrownBy(() -> new CommitmentAnswer(null, "fine"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasonsCarryTheCodesOfTableJ32() {
        assertThat(FailureReason.PROCESSING_FAILURE.code()).isEqualTo(0x0110);
        assertThat(FailureReason.RESOURCE_LIMITATION.code()).isEqualTo(0x0213);
        assertThat(FailureReason.REFERENCED_SOP_CLASS_NOT_SUPPORTED.code()).isEqualTo(0x0122);
        assertThat(FailureReason.CLASS_INSTANCE_CONFLICT.code()).isEqualTo(0x0119);
    }

    @Test
    void aTransactionStreamsItsReferencesEveryTimeAndListsThem() {
        List<InstanceReference> refs = List.of(new InstanceReference(CT, "1.2.3"), new InstanceReference(CT, "1.2.4"));
        CommitmentTransaction t = CommitmentTransaction.of("job", "1.9", "CT1", "CUSTODIAN", refs);
        List<String> streamed = new ArrayList<>();
        t.forEachInstance(r -> streamed.add(r.sopInstanceUid()));
        t.forEachInstance(r -> streamed.add(r.sopInstanceUid()));
        assertThat(streamed).containsExactly("1.2.3", "1.2.4", "1.2.3", "1.2.4");
        assertThat(t.instances()).isEqualTo(refs);
        assertThat(t.sopInstanceUids()).containsExactly("1.2.3", "1.2.4");
        assertThat(t.sopClassUids()).containsExactly(CT, CT);
        assertThat(t.count()).isEqualTo(2);
    }

    @Test
    void anEmptyTransactionIsRefused() {
        assertThatThrownBy(() -> CommitmentTransaction.of("job", "1.9", "CT1", "CUSTODIAN", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
