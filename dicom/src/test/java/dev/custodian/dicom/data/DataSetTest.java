package dev.custodian.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.dict.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSetTest {
    @Test
    void elementsAreOrderedByUnsignedTag() {
        DataSet ds = new DataSet();
        ds.setBytes(0xFFFCFFFC, VR.OB, new byte[2]);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[2]);
        ds.setString(0x80010010, VR.LO, "X");
        ds.setString(Tag.PatientID, VR.LO, "P");
        assertThat(ds.elements()).extracting(DataElement::tag)
                .containsExactly(Tag.PatientID, Tag.PixelData, 0x80010010, 0xFFFCFFFC);
        assertThat(ds.size()).isEqualTo(4);
        assertThat(ds.remove(Tag.PixelData)).isPresent();
        assertThat(ds.contains(Tag.PixelData)).isFalse();
    }

    @Test
    void stringsAreTrimmedPerVr() {
        DataSet ds = new DataSet();
        ds.setBytes(Tag.PatientID, VR.LO, "  ID1 ".getBytes(StandardCharsets.US_ASCII));
        ds.setBytes(Tag.PatientComments, VR.LT, "  indented\\text  ".getBytes(StandardCharsets.US_ASCII));
        ds.setBytes(Tag.SOPInstanceUID, VR.UI, "1.2.3\0".getBytes(StandardCharsets.US_ASCII));
        ds.setBytes(Tag.ImageType, VR.CS, "A \\ B\\\\C ".getBytes(StandardCharsets.US_ASCII));
        assertThat(ds.getString(Tag.PatientID)).contains("ID1");
        assertThat(ds.getString(Tag.PatientComments)).contains("  indented\\text");
        assertThat(ds.getString(Tag.SOPInstanceUID)).contains("1.2.3");
        assertThat(ds.getStrings(Tag.ImageType)).containsExactly("A", "B", "", "C");
        assertThat(ds.getString(Tag.PatientName)).isEmpty();
    }

    @Test
    void settersPadToEvenLength() {
        DataSet ds = new DataSet().setString(Tag.SOPInstanceUID, VR.UI, "1.2.3").setString(Tag.PatientID, VR.LO, "ABC");
        assertThat(ds.getBytes(Tag.SOPInstanceUID).orElseThrow()).containsExactly('1', '.', '2', '.', '3', 0);
        assertThat(ds.getBytes(Tag.PatientID).orElseThrow()).containsExactly('A', 'B', 'C', ' ');
        assertThatThrownBy(() -> ds.setString(Tag.Rows, VR.US, "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAndDates() {
        DataSet ds = new DataSet()
                .setInt(Tag.Rows, VR.US, 65535)
                .setString(Tag.SeriesNumber, VR.IS, " 12 ")
                .setString(Tag.InstanceNumber, VR.IS, "abc")
                .setDouble(Tag.SliceThickness, VR.DS, 1.25)
                .setDouble(0x00189087, VR.FD, 2.5, -1)
                .setString(Tag.StudyDate, VR.DA, "20240229")
                .setString(Tag.StudyTime, VR.TM, "235959.123")
                .setString(Tag.AcquisitionDateTime, VR.DT, "20240131083000.5+0100")
                .setString(Tag.SeriesDate, VR.DA, "2024.01.31")
                .setString(Tag.ContentDate, VR.DA, "20241301");
        assertThat(ds.getInt(Tag.Rows)).hasValue(65535);
        assertThat(ds.getInt(Tag.SeriesNumber)).hasValue(12);
        assertThat(ds.getInt(Tag.InstanceNumber)).isEmpty();
        assertThat(ds.getDouble(Tag.SliceThickness)).hasValue(1.25);
        assertThat(ds.getDoubles(0x00189087)).containsExactly(2.5, -1.0);
        assertThat(ds.getDate(Tag.StudyDate)).contains(LocalDate.of(2024, 2, 29));
        assertThat(ds.getTime(Tag.StudyTime)).contains(LocalTime.of(23, 59, 59, 123_000_000));
        assertThat(ds.getDateTime(Tag.AcquisitionDateTime)).contains(LocalDateTime.of(2024, 1, 31, 8, 30, 0, 500_000_000));
        assertThat(ds.getDate(Tag.SeriesDate)).contains(LocalDate.of(2024, 1, 31));
        assertThat(ds.getDate(Tag.ContentDate)).isEmpty();
        assertThat(ds.getStrings(Tag.Rows)).containsExactly("65535");
    }

    @Test
    void itemsInheritTheCharacterSetUnlessTheyHaveTheirOwn() {
        byte[] latin1 = "Müller".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "Müller".getBytes(StandardCharsets.UTF_8);
        DataSet inheriting = new DataSet().setBytes(Tag.PatientName, VR.PN, latin1);
        DataSet own = new DataSet().setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192")
                .setBytes(Tag.PatientName, VR.PN, utf8);
        DataSet grandchild = new DataSet().setBytes(Tag.PatientName, VR.PN, utf8);
        own.setSequence(Tag.OtherPatientIDsSequence, List.of(grandchild));
        DataSet root = new DataSet().setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        root.setSequence(Tag.ReferencedPatientSequence, List.of(inheriting, own));
        assertThat(root.getItem(Tag.ReferencedPatientSequence, 0).flatMap(i -> i.getString(Tag.PatientName)))
                .contains("Müller");
        assertThat(root.getItem(Tag.ReferencedPatientSequence, 1).flatMap(i -> i.getString(Tag.PatientName)))
                .contains("Müller");
        assertThat(grandchild.getString(Tag.PatientName)).contains("Müller");
        assertThat(new DataSet().setBytes(Tag.PatientName, VR.PN, utf8).getString(Tag.PatientName))
                .contains(new String(utf8, StandardCharsets.ISO_8859_1));
        root.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        assertThat(inheriting.charset().terms()).containsExactly("ISO_IR 192");
    }

    @Test
    void copyIsDeepAndEqual() {
        DataSet item = new DataSet().setString(Tag.CodeValue, VR.SH, "A");
        DataSet ds = new DataSet().setString(Tag.PatientID, VR.LO, "P").setSequence(Tag.ContentSequence, List.of(item));
        DataSet copy = ds.copy();
        assertThat(copy).isEqualTo(ds).hasSameHashCodeAs(ds);
        copy.getItem(Tag.ContentSequence, 0).orElseThrow().setString(Tag.CodeValue, VR.SH, "B");
        assertThat(item.getString(Tag.CodeValue)).contains("A");
        assertThat(copy).isNotEqualTo(ds);
    }

    @Test
    void valuesAreImmutable() {
        byte[] raw = {1, 2};
        DataSet ds = new DataSet().setBytes(Tag.PixelData, VR.OB, raw);
        raw[0] = 9;
        ds.getBytes(Tag.PixelData).orElseThrow()[1] = 9;
        assertThat(ds.getBytes(Tag.PixelData).orElseThrow()).containsExactly(1, 2);
        assertThatThrownBy(() -> new DataElement(Tag.PatientID, VR.SQ, InlineBytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0010,0020)");
        Fragments f = new Fragments(new byte[] {1}, List.of(new InlineBytes(new byte[] {2})));
        f.offsetTable()[0] = 7;
        assertThat(f.offsetTable()).containsExactly(1);
    }
}
