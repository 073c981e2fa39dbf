package dev.custodian.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class UidDictionaryTest {
    private final UidDictionary dict = UidDictionary.standard();

    @Test
    void holdsTheWholeRegistry() {
        assertThat(dict.size()).isGreaterThan(400);
        assertThat(dict.ofType("SOP Class").size()).isGreaterThan(250);
        assertThat(dict.entries().stream().filter(UidEntry::retired).count()).isGreaterThan(50);
    }

    @Test
    void constants() {
        assertThat(Uid.ImplicitVRLittleEndian).isEqualTo("1.2.840.10008.1.2");
        assertThat(Uid.ExplicitVRLittleEndian).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(Uid.ExplicitVRBigEndian).isEqualTo("1.2.840.10008.1.2.2");
        assertThat(Uid.DeflatedExplicitVRLittleEndian).isEqualTo("1.2.840.10008.1.2.1.99");
        assertThat(Uid.Verification).isEqualTo("1.2.840.10008.1.1");
        assertThat(Uid.CTImageStorage).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(Uid.StorageCommitmentPushModel).isEqualTo("1.2.840.10008.1.20.1");
        assertThat(Uid.StorageCommitmentPushModelInstance).isEqualTo("1.2.840.10008.1.20.1.1");
        assertThat(Uid.JPEGBaseline8Bit).isEqualTo("1.2.840.10008.1.2.4.50");
    }

    @Test
    void lookupBothWays() {
        UidEntry e = dict.lookup("1.2.840.10008.1.2.1").orElseThrow();
        assertThat(e.name()).isEqualTo("Explicit VR Little Endian");
        assertThat(e.type()).isEqualTo("Transfer Syntax");
        assertThat(e.keyword()).isEqualTo("ExplicitVRLittleEndian");
        assertThat(e.retired()).isFalse();
        assertThat(dict.byKeyword("ExplicitVRBigEndian").orElseThrow().retired()).isTrue();
        assertThat(dict.lookup("1.2.3.4")).isEmpty();
        assertThat(dict.byKeyword("Nope")).isEmpty();
        assertThat(dict.nameOf(Uid.CTImageStorage)).isEqualTo("CT Image Storage");
        assertThat(dict.nameOf("1.2.3")).isEqualTo("1.2.3");
        assertThat(dict.lookup(Uid.StorageCommitmentPushModelInstance).orElseThrow().type())
                .isEqualTo("Well-known SOP Instance");
    }

    @Test
    void transferSyntaxes() {
        assertThat(dict.ofType("Transfer Syntax"))
                .extracting(UidEntry::uid)
                .contains(Uid.ImplicitVRLittleEndian, Uid.ExplicitVRLittleEndian, Uid.ExplicitVRBigEndian,
                        Uid.DeflatedExplicitVRLittleEndian, Uid.JPEGBaseline8Bit, Uid.RLELossless)
                .doesNotContain(Uid.CTImageStorage);
        assertThat(dict.ofType("transfer syntax")).isEqualTo(dict.ofType("Transfer Syntax"));
        assertThat(dict.ofType("No Such Type")).isEmpty();
    }

    @Test
    void everyUidConstantMatchesTheRegistry() throws IllegalAccessException {
        int count = 0;
        for (Field f : Uid.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String uid = (String) f.get(null);
                assertThat(dict.byKeyword(f.getName()).orElseThrow().uid()).as(f.getName()).isEqualTo(uid);
                count++;
            }
        }
        assertThat(count).isEqualTo(dict.entries().stream().filter(e -> !e.keyword().isEmpty()).count());
        assertThat(count).isGreaterThan(400);
    }
}
