package dev.custodian.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.data.DicomFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random byte corruption of a valid data set: the reader either reads something or throws DicomFormatException. */
class CorruptionPropertyTest {
    @Provide
    Arbitrary<TransferSyntax> syntaxes() {
        return Arbitraries.of(Samples.NATIVE);
    }

    @Property(tries = 1000)
    void corruptedInputNeverEscapesAsAnotherException(@ForAll("syntaxes") TransferSyntax ts, @ForAll long seed)
            throws IOException {
        Random r = new Random(seed);
        boolean encapsulated = r.nextInt(4) == 0;
        TransferSyntax readAs = encapsulated ? TransferSyntax.of("1.2.840.10008.1.2.4.50") : ts;
        byte[] bytes = DicomWriter.toBytes(encapsulated ? Samples.encapsulated() : Samples.image(), readAs);
        for (int flips = 1 + r.nextInt(4); flips > 0; flips--) {
            int at = r.nextInt(bytes.length);
            bytes[at] = r.nextBoolean() ? (byte) r.nextInt(256) : (byte) 0xFF;
        }
        try {
            new DicomReader(new ByteArrayInputStream(bytes), readAs,
                    DicomReaderOptions.DEFAULT.withMaxValueLength(1 << 20)).readDataSet();
        } catch (DicomFormatException e) {
            assertThat(e.getMessage()).contains("offset");
        }
    }
}
