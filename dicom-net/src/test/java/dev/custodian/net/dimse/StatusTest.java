package dev.custodian.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTest {
    @Test
    void classifiesCodesByAnnexC() {
        assertThat(Status.SUCCESS.type()).isEqualTo(StatusType.SUCCESS);
        assertThat(Status.COERCION_OF_DATA_ELEMENTS.type()).isEqualTo(StatusType.WARNING);
        assertThat(Status.ELEMENTS_DISCARDED.type()).isEqualTo(StatusType.WARNING);
        assertThat(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING.type()).isEqualTo(StatusType.WARNING);
        assertThat(Status.ATTRIBUTE_LIST_ERROR.type()).isEqualTo(StatusType.WARNING);
        assertThat(Status.of(0x0001).type()).isEqualTo(StatusType.WARNING);
        assertThat(Status.OUT_OF_RESOURCES.type()).isEqualTo(StatusType.FAILURE);
        assertThat(Status.of(0xA7FF).type()).isEqualTo(StatusType.FAILURE);
        assertThat(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS.type()).isEqualTo(StatusType.FAILURE);
        assertThat(Status.CANNOT_UNDERSTAND.type()).isEqualTo(StatusType.FAILURE);
        assertThat(Status.SOP_CLASS_NOT_SUPPORTED.type()).isEqualTo(StatusType.FAILURE);
        assertThat(Status.NOT_AUTHORIZED.type()).isEqualTo(StatusType.FAILURE);
        assertThat(Status.RESOURCE_LIMITATION.type()).isEqualTo(StatusType.FAILURE);
        assertThat(Status.CANCEL.type()).isEqualTo(StatusType.CANCEL);
        assertThat(Status.PENDING.type()).isEqualTo(StatusType.PENDING);
        assertThat(Status.of(0xFF01).type()).isEqualTo(StatusType.PENDING);
    }

    @Test
    void codesMatchTheStandard() {
        assertThat(Status.PROCESSING_FAILURE.code()).isEqualTo(0x0110);
        assertThat(Status.NO_SUCH_OBJECT_INSTANCE.code()).isEqualTo(0x0112);
        assertThat(Status.INVALID_OBJECT_INSTANCE.code()).isEqualTo(0x0117);
        assertThat(Status.CLASS_INSTANCE_CONFLICT.code()).isEqualTo(0x0119);
        assertThat(Status.SOP_CLASS_NOT_SUPPORTED.code()).isEqualTo(0x0122);
        assertThat(Status.NOT_AUTHORIZED.code()).isEqualTo(0x0124);
        assertThat(Status.UNRECOGNIZED_OPERATION.code()).isEqualTo(0x0211);
        assertThat(Status.RESOURCE_LIMITATION.code()).isEqualTo(0x0213);
        assertThat(Status.OUT_OF_RESOURCES.code()).isEqualTo(0xA700);
        assertThat(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS.code()).isEqualTo(0xA900);
        assertThat(Status.CANNOT_UNDERSTAND.code()).isEqualTo(0xC000);
    }

    @Test
    void errorCommentIsClippedToLoAndCleaned() {
        Status s = Status.PROCESSING_FAILURE.withComment("a\\b\n" + "x".repeat(100));
        assertThat(s.errorComment()).hasSize(Status.MAX_ERROR_COMMENT).startsWith("a b x");
        assertThat(s.sameCode(Status.PROCESSING_FAILURE)).isTrue();
        assertThat(s).isNotEqualTo(Status.PROCESSING_FAILURE);
        assertThat(Status.SUCCESS.withComment("   ").errorComment()).isNull();
    }

    @Test
    void offendingElementsAreCopied() {
        Status s = Status.MISSING_ATTRIBUTE.withOffendingElements(List.of(0x00000002));
        assertThat(s.offendingElements()).containsExactly(0x00000002);
        assertThat(s.toString()).contains("0120H", "FAILURE", "(0000,0002)");
    }

    @Test
    void rejectsCodesBeyondUs() {
        assertThatThrownBy(() -> Status.of(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Status.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dimseFailureCarriesStatusAndComment() {
        DimseFailure f = new DimseFailure(Status.OUT_OF_RESOURCES, "disk full");
        assertThat(f.status().code()).isEqualTo(0xA700);
        assertThat(f.status().errorComment()).isEqualTo("disk full");
        assertThat(f.getMessage()).contains("A700H", "disk full");
        assertThatThrownBy(() -> new DimseFailure(Status.SUCCESS)).isInstanceOf(IllegalArgumentException.class);
    }
}
