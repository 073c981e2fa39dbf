package dev.custodian.server.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceAttributesTest {

    @Test
    void trimsDicomPaddingAndKeepsEmptyValuesApartFromAbsentOnes() {
        InstanceAttributes a = InstanceAttributes.from(tag -> switch (tag) {
            case STUDY_INSTANCE_UID -> "1.2\0";
            case SERIES_INSTANCE_UID -> "1.2.3";
            case SOP_INSTANCE_UID -> "1.2.3.4";
            case SOP_CLASS_UID -> "1.2.840.10008.5.1.4.1.1.7";
            case PATIENT_NAME -> "Doe^John  ";
            case MODALITY -> "  ";
            default -> null;
        });
        assertThat(a.studyInstanceUid()).isEqualTo("1.2");
        assertThat(a.get(MainDicomTag.PATIENT_NAME)).isEqualTo("Doe^John");
        assertThat(a.get(MainDicomTag.MODALITY)).isEmpty();
        assertThat(a.values()).doesNotContainKey(MainDicomTag.BODY_PART_EXAMINED);
        assertThat(a.patientId()).isEmpty();
        assertThat(a.publicId(ResourceLevel.PATIENT)).isEqualTo(OrthancIds.patient(""));
    }

    @Test
    void requiresTheHierarchyUidsAndTheSopClass() {
        assertThatThrownBy(() -> new InstanceAttributes(Map.of(MainDicomTag.STUDY_INSTANCE_UID, "1",
                MainDicomTag.SERIES_INSTANCE_UID, "2", MainDicomTag.SOP_INSTANCE_UID, "3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOPClassUID (0008,0016)");
        assertThatThrownBy(() -> new InstanceAttributes(Map.of(MainDicomTag.SOP_CLASS_UID, "1")))
                .hasMessageContaining("StudyInstanceUID (0020,000D)");
        assertThatThrownBy(() -> new InstanceAttributes(Map.of(MainDicomTag.STUDY_INSTANCE_UID, "1",
                MainDicomTag.SERIES_INSTANCE_UID, "2", MainDicomTag.SOP_INSTANCE_UID, " ", MainDicomTag.SOP_CLASS_UID, "4")))
                .hasMessageContaining("SOPInstanceUID");
    }

    @Test
    void everyLevelHasItsTagsAndKeywordsAreUnique() {
        for (ResourceLevel level : ResourceLevel.values()) {
            assertThat(MainDicomTag.of(level)).isNotEmpty().allMatch(t -> t.level() == level);
        }
        assertThat(java.util.Arrays.stream(MainDicomTag.values()).map(MainDicomTag::keyword).distinct())
                .hasSize(MainDicomTag.values().length);
        assertThat(java.util.Arrays.stream(MainDicomTag.values()).map(MainDicomTag::tag).distinct())
                .hasSize(MainDicomTag.values().length);
    }
}
