package dev.custodian.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.VR;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** write → read is the identity over random data sets, in every native syntax, with both length styles. */
class WriteReadPropertyTest {
    private static final VR[] VRS = {VR.AE, VR.AS, VR.CS, VR.DA, VR.DS, VR.DT, VR.IS, VR.LO, VR.LT, VR.PN, VR.SH,
        VR.ST, VR.TM, VR.UC, VR.UI, VR.UR, VR.UT, VR.AT, VR.FD, VR.FL, VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW,
        VR.SL, VR.SS, VR.SV, VR.UL, VR.UN, VR.US, VR.UV, VR.SQ};

    /** The VR a random tag always has, so Implicit VR can resolve it. */
    static VR vrOf(int tag) {
        return VRS[Math.floorMod(tag * 0x9E3779B1, VRS.length)];
    }

    @Provide
    Arbitrary<DataSet> dataSets() {
        return Arbitraries.longs().map(seed -> randomDataSet(new Random(seed), 0));
    }

    @Provide
    Arbitrary<TransferSyntax> syntaxes() {
        return Arbitraries.of(Samples.NATIVE);
    }

    static DataSet randomDataSet(Random r, int depth) {
        DataSet ds = new DataSet();
        int n = r.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < n; i++) {
            int group = r.nextBoolean() ? 0x0009 + 2 * r.nextInt(0x100) : 0x0010 + 2 * r.nextInt(0x1000);
            int tag = (group << 16) | (1 + r.nextInt(0xFFFE));
            if (tag == 0x00080005 || tag == DicomReader.PIXEL_DATA) {
                continue;
            }
            VR vr = vrOf(tag);
            if (vr == VR.SQ) {
                if (depth < 4) {
                    List<DataSet> items = new ArrayList<>();
                    for (int k = r.nextInt(3); k > 0; k--) {
                        items.add(randomDataSet(r, depth + 1));
                    }
                    ds.setSequence(tag, items);
                }
                continue;
            }
            ds.put(new DataElement(tag, vr, new InlineBytes(randomValue(r, vr))));
        }
        return ds;
    }

    static byte[] randomValue(Random r, VR vr) {
        int unit = Math.max(2, vr.unitSize());
        int max = vr.isText() && !vr.hasLongLength() ? 64 : 200;
        byte[] b = new byte[r.nextInt(max / unit + 1) * unit];
        if (vr.isText()) {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (0x20 + r.nextInt(0x5F));
            }
        } else {
            r.nextBytes(b);
        }
        return b;
    }

    static DicomReaderOptions readerOptions() {
        return DicomReaderOptions.DEFAULT.withVrResolver(WriteReadPropertyTest::vrOf);
    }

    @Property(tries = 300)
    void writeThenReadIsTheIdentity(@ForAll("dataSets") DataSet ds, @ForAll("syntaxes") TransferSyntax ts,
                                    @ForAll boolean undefinedLengths) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out, ts, DicomWriterOptions.DEFAULT.withUndefinedLengths(undefinedLengths)).writeDataSet(ds);
        DataSet back = new DicomReader(new ByteArrayInputStream(out.toByteArray()), ts, readerOptions()).readDataSet();
        assertThat(back).isEqualTo(ds);
    }

    @Property(tries = 200)
    void readThenWriteIsByteExact(@ForAll("dataSets") DataSet ds, @ForAll("syntaxes") TransferSyntax ts)
            throws IOException {
        byte[] first = DicomWriter.toBytes(ds, ts);
        DataSet back = new DicomReader(new ByteArrayInputStream(first), ts, readerOptions()).readDataSet();
        assertThat(DicomWriter.toBytes(back, ts)).isEqualTo(first);
    }
}
