package dev.custodian.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.data.VR;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {
    private final ElementDictionary dict = ElementDictionary.standard();

    @Test
    void holdsTheWholeStandard() {
        assertThat(dict.size()).isGreaterThan(4000);
        assertThat(dict.entries().stream().filter(ElementEntry::retired).count()).isGreaterThan(300);
        assertThat(dict.entries().stream().filter(ElementEntry::isRepeating).count()).isGreaterThan(80);
        assertThat(ElementDictionary.standard()).isSameAs(dict);
    }

    @Test
    void exactLookupBothWays() {
        ElementEntry pn = dict.lookup(0x00100010).orElseThrow();
        assertThat(pn.keyword()).isEqualTo("PatientName");
        assertThat(pn.name()).isEqualTo("Patient's Name");
        assertThat(pn.vrs()).containsExactly(VR.PN);
        assertThat(pn.vm()).isEqualTo("1");
        assertThat(pn.retired()).isFalse();
        assertThat(dict.tagOf("PatientName")).isEqualTo(OptionalInt.of(0x00100010));
        assertThat(dict.keywordOf(0x00080018)).contains("SOPInstanceUID");
        assertThat(dict.tagOf("NoSuchKeyword")).isEmpty();
        assertThat(dict.byKeyword("StudyInstanceUID").orElseThrow().tag()).isEqualTo(0x0020000D);
    }

    @Test
    void commandGroupElementsArePresent() {
        assertThat(dict.lookup(Tag.AffectedSOPInstanceUID).orElseThrow().vr()).isEqualTo(VR.UI);
        assertThat(dict.vrOf(Tag.CommandField)).isEqualTo(VR.US);
        assertThat(dict.vrOf(Tag.CommandGroupLength)).isEqualTo(VR.UL);
        assertThat(dict.lookup(Tag.CommandGroupLength).orElseThrow().keyword()).isEqualTo("CommandGroupLength");
        assertThat(dict.vrOf(Tag.OffendingElement)).isEqualTo(VR.AT);
    }

    @Test
    void repeatingGroups() {
        ElementEntry overlay = dict.lookup(0x60023000).orElseThrow();
        assertThat(overlay.keyword()).isEqualTo("OverlayData");
        assertThat(overlay.pattern()).isEqualTo("(60xx,3000)");
        assertThat(overlay.vr()).isEqualTo(VR.OW);
        assertThat(dict.lookup(0x601E0010).orElseThrow().keyword()).isEqualTo("OverlayRows");
        assertThat(dict.lookup(0x50100005).orElseThrow().keyword()).isEqualTo("CurveDimensions");
        assertThat(dict.lookup(0x7F020010).orElseThrow().keyword()).isEqualTo("VariablePixelData");
        ElementEntry escape = dict.lookup(0x10000120).orElseThrow();
        assertThat(escape.keyword()).isEqualTo("EscapeTriplet");
        assertThat(escape.pattern()).isEqualTo("(1000,xxx0)");
        assertThat(dict.lookup(0x10000121).orElseThrow().keyword()).isEqualTo("RunLengthTriplet");
        assertThat(dict.lookup(0x10101234).orElseThrow().keyword()).isEqualTo("ZonalMap");
        assertThat(dict.lookup(0x002031AB).orElseThrow().keyword()).isEqualTo("SourceImageIDs");
        assertThat(dict.tagOf("OverlayData")).isEqualTo(OptionalInt.of(0x60003000));
        assertThat(dict.lookup(0x60003001)).isEmpty();
    }

    @Test
    void groupLengthForAnyGroup() {
        ElementEntry gl = dict.lookup(0x00080000).orElseThrow();
        assertThat(gl.name()).isEqualTo("Group Length");
        assertThat(gl.vr()).isEqualTo(VR.UL);
        assertThat(gl.tag()).isEqualTo(0x00080000);
        assertThat(dict.vrOf(0x00090000)).isEqualTo(VR.UL);
        assertThat(dict.vrOf(0x60020000)).isEqualTo(VR.UL);
        assertThat(dict.lookup(0x00020000).orElseThrow().keyword()).isEqualTo("FileMetaInformationGroupLength");
    }

    @Test
    void privateTags() {
        ElementEntry creator = dict.lookup(0x00090010).orElseThrow();
        assertThat(creator.name()).isEqualTo("Private Creator");
        assertThat(creator.vr()).isEqualTo(VR.LO);
        assertThat(dict.vrOf(0x002900FF)).isEqualTo(VR.LO);
        assertThat(dict.lookup(0x00091001)).isEmpty();
        assertThat(dict.lookup(0x00090100)).isEmpty();
        assertThat(dict.lookup(0x00090005)).isEmpty();
        assertThat(dict.vrOf(0x00291010)).isEqualTo(VR.UN);
        assertThat(dict.lookup(0x60011000)).as("odd overlay group is private, not 60xx").isEmpty();
        assertThat(dict.vrOf(0x00110011)).isEqualTo(VR.LO);
    }

    @Test
    void unknownStandardTagsAreEmpty() {
        assertThat(dict.lookup(0x00100001)).isEmpty();
        assertThat(dict.vrOf(0x00100001)).isEqualTo(VR.UN);
        assertThat(dict.keywordOf(0x00100001)).isEmpty();
    }

    @Test
    void multiVrEntriesAndTheirDefault() {
        ElementEntry pixel = dict.lookup(Tag.PixelData).orElseThrow();
        assertThat(pixel.vrs()).containsExactly(VR.OB, VR.OW);
        assertThat(pixel.vr()).isEqualTo(VR.OW);
        ElementEntry smallest = dict.lookup(Tag.SmallestImagePixelValue).orElseThrow();
        assertThat(smallest.vrs()).containsExactly(VR.US, VR.SS);
        assertThat(dict.vrOf(Tag.SmallestImagePixelValue)).isEqualTo(VR.US);
        assertThat(dict.lookup(Tag.LUTData).orElseThrow().vrs()).contains(VR.US, VR.OW);
        assertThat(dict.vrOf(Tag.LUTData)).isEqualTo(VR.US);
    }

    @Test
    void itemsHaveNoVr() {
        ElementEntry item = dict.lookup(Tag.Item).orElseThrow();
        assertThat(item.vrs()).isEmpty();
        assertThat(item.vr()).isEqualTo(VR.UN);
        assertThat(dict.lookup(Tag.SequenceDelimitationItem)).isPresent();
    }

    @Test
    void retiredFlags() {
        assertThat(dict.lookup(Tag.CommandLengthToEnd).orElseThrow().retired()).isTrue();
        assertThat(dict.lookup(0x60020100).orElseThrow().retired()).isFalse(); // OverlayBitsAllocated
        assertThat(dict.lookup(0x50000005).orElseThrow().retired()).isTrue(); // CurveDimensions
        assertThat(dict.lookup(Tag.PatientName).orElseThrow().retired()).isFalse();
    }

    @Test
    void everyTagConstantMatchesTheDictionary() throws IllegalAccessException {
        int count = 0;
        for (Field f : Tag.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                int tag = f.getInt(null);
                assertThat(dict.tagOf(f.getName())).as(f.getName()).isEqualTo(OptionalInt.of(tag));
                ElementEntry named = dict.byKeyword(f.getName()).orElseThrow();
                assertThat(named.matches(tag)).as(f.getName()).isTrue();
                if (!named.isRepeating()) {
                    assertThat(dict.lookup(tag)).as(f.getName()).containsSame(named);
                }
                count++;
            }
        }
        assertThat(count).isGreaterThan(4000);
        long withKeyword = dict.entries().stream().filter(e -> !e.keyword().isEmpty()).count();
        assertThat(count).isEqualTo(withKeyword);
    }

    @Test
    void exactEntryWinsOverRepeatingPattern() {
        // (0028,04x0) Rows For Nth Order Coefficients also covers (0028,0400) Transform Label
        assertThat(dict.lookup(0x00280400).orElseThrow().keyword()).isEqualTo("TransformLabel");
        assertThat(dict.lookup(0x00280410).orElseThrow().keyword()).isEqualTo("RowsForNthOrderCoefficients");
    }

    @Test
    void customDictionaryRejectsDuplicates() {
        ElementEntry a = new ElementEntry(0x00100010, 0xFFFFFFFF, "A", "A", List.of(VR.PN), "1", false);
        ElementEntry b = new ElementEntry(0x00100010, 0xFFFFFFFF, "B", "B", List.of(VR.PN), "1", false);
        assertThatThrownBy(() -> new ElementDictionary(List.of(a, b))).hasMessageContaining("(0010,0010)");
        assertThatThrownBy(() -> new ElementEntry(0x60003000, 0xFF000000, "X", "X", List.of(), "1", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
