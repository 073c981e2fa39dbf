package dev.custodian.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TagTest {
    @Test
    void constants() {
        assertThat(Tag.PatientName).isEqualTo(0x00100010);
        assertThat(Tag.SOPInstanceUID).isEqualTo(0x00080018);
        assertThat(Tag.PixelData).isEqualTo(0x7FE00010);
        assertThat(Tag.AffectedSOPInstanceUID).isEqualTo(0x00001000);
        assertThat(Tag.TransferSyntaxUID).isEqualTo(0x00020010);
        assertThat(Tag.SpecificCharacterSet).isEqualTo(0x00080005);
        assertThat(Tag.Item).isEqualTo(0xFFFEE000);
    }

    @Test
    void parts() {
        assertThat(Tag.group(0x7FE00010)).isEqualTo(0x7FE0);
        assertThat(Tag.element(0x7FE00010)).isEqualTo(0x0010);
        assertThat(Tag.group(0xFFFEE000)).isEqualTo(0xFFFE);
        assertThat(Tag.of(0xFFFE, 0xE00D)).isEqualTo(0xFFFEE00D);
        assertThatThrownBy(() -> Tag.of(0x10000, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void text() {
        assertThat(Tag.toString(Tag.PatientName)).isEqualTo("(0010,0010)");
        assertThat(Tag.toString(0xFFFEE0DD)).isEqualTo("(FFFE,E0DD)");
        assertThat(Tag.toString(0)).isEqualTo("(0000,0000)");
    }

    @Test
    void classification() {
        assertThat(Tag.isPrivate(0x00091001)).isTrue();
        assertThat(Tag.isPrivate(0x00100010)).isFalse();
        assertThat(Tag.isPrivate(0x00010010)).as("group 0001 is not a private group").isFalse();
        assertThat(Tag.isPrivate(0x00070010)).isFalse();
        assertThat(Tag.isPrivate(0xFFFF0010)).isFalse();
        assertThat(Tag.isPrivateCreator(0x00090010)).isTrue();
        assertThat(Tag.isPrivateCreator(0x000900FF)).isTrue();
        assertThat(Tag.isPrivateCreator(0x0009000F)).isFalse();
        assertThat(Tag.isPrivateCreator(0x00090100)).isFalse();
        assertThat(Tag.isPrivateCreator(0x00100010)).isFalse();
        assertThat(Tag.isGroupLength(0x00080000)).isTrue();
        assertThat(Tag.isGroupLength(0x00080001)).isFalse();
    }
}
