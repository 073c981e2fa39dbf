package dev.custodian.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.dicom.dict.UidDictionary;
import dev.custodian.dicom.dict.UidEntry;
import org.junit.jupiter.api.Test;

class TransferSyntaxTest {
    @Test
    void nativeSyntaxes() {
        assertThat(TransferSyntax.of(Uid.ImplicitVRLittleEndian)).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(TransferSyntax.of(Uid.ExplicitVRBigEndian).bigEndian()).isTrue();
        assertThat(TransferSyntax.of(Uid.DeflatedExplicitVRLittleEndian).deflated()).isTrue();
        assertThat(TransferSyntax.of(Uid.ExplicitVRLittleEndian + "\0")).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void encapsulatedSyntaxesAreKnownAndPassedThrough() {
        for (String uid : new String[] {Uid.JPEGBaseline8Bit, Uid.JPEGLSLossless, Uid.JPEG2000, Uid.RLELossless,
            Uid.MPEG2MPML, Uid.HEVCM10P51, Uid.EncapsulatedUncompressedExplicitVRLittleEndian, "1.2.840.10008.1.2.4.201"}) {
            TransferSyntax ts = TransferSyntax.of(uid);
            assertThat(ts.encapsulated()).as(uid).isTrue();
            assertThat(ts.explicitVr()).isTrue();
            assertThat(ts.bigEndian() || ts.deflated()).isFalse();
        }
        assertThat(TransferSyntax.of(Uid.JPIPReferencedDeflate).deflated()).isTrue();
        assertThat(TransferSyntax.of(Uid.JPIPReferenced).encapsulated()).isFalse();
    }

    @Test
    void everyDataSetTransferSyntaxOfTheDictionaryIsKnown() {
        for (UidEntry e : UidDictionary.standard().entries()) {
            if (e.type().equals("Transfer Syntax") && !e.uid().startsWith("1.2.840.10008.1.2.6.")) {
                assertThat(TransferSyntax.lookup(e.uid())).as(e.uid() + " " + e.name()).isPresent();
            }
        }
    }

    @Test
    void unknownUidsAreRejectedClearly() {
        assertThatThrownBy(() -> TransferSyntax.of("1.2.3.4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1.2.3.4'");
        assertThat(TransferSyntax.lookup(Uid.RFC2557MIMEEncapsulation)).isEmpty();
        assertThat(TransferSyntax.lookup(null)).isEmpty();
    }
}
