package dev.custodian.interop.archive;

import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.dict.Uid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * CT instances made in memory for the fault drills: the data set bytes as a C-STORE sends them
 * (Explicit VR Little Endian), of a random size, one study per {@code cycle} and one series per
 * {@code lane}, so that a drill can say exactly what it sent and compare what the archive holds.
 */
final class DrillInstances {
    private static final String ROOT = "1.2.826.0.1.3680043.10.1137.77.";

    /** One instance: its SOP Instance UID and the data set bytes sent for it. */
    record Instance(String sopInstanceUid, byte[] dataSet) {}

    private final String prefix;
    private final Random random;
    private final int maxRows;

    /** {@code run} keeps two drills on one index apart; {@code random} sizes and fills the pixels. */
    DrillInstances(long run, Random random) {
        this(run, random, 160);
    }

    /** As {@link #DrillInstances(long, Random)}, images of 16x16 up to {@code maxRows}x{@code maxRows} pixels. */
    DrillInstances(long run, Random random, int maxRows) {
        if (maxRows < 16) {
            throw new IllegalArgumentException("maxRows must be >= 16: " + maxRows);
        }
        this.prefix = ROOT + Math.abs(run % 1_000_000_000L) + ".";
        this.random = random;
        this.maxRows = maxRows;
    }

    /** Instance {@code n} of lane {@code lane} in cycle {@code cycle}: 16-bit pixels, of a random size. */
    Instance make(int cycle, int lane, int n) {
        int rows;
        byte[] pixels;
        synchronized (random) {
            rows = 16 + random.nextInt(maxRows - 15);
            pixels = new byte[rows * rows * 2];
            random.nextBytes(pixels);
        }
        String study = prefix + cycle;
        String series = study + "." + lane;
        String uid = series + "." + n;
        DataSet ds = new DataSet()
                .setString(Tag.SOPClassUID, VR.UI, Scu.CT)
                .setString(Tag.SOPInstanceUID, VR.UI, uid)
                .setString(Tag.Modality, VR.CS, "CT")
                .setString(Tag.PatientName, VR.PN, "Drill^Kill")
                .setString(Tag.PatientID, VR.LO, "DRILL")
                .setString(Tag.StudyInstanceUID, VR.UI, study)
                .setString(Tag.SeriesInstanceUID, VR.UI, series)
                .setString(Tag.InstanceNumber, VR.IS, Integer.toString(n))
                .setInt(Tag.SamplesPerPixel, VR.US, 1)
                .setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2")
                .setInt(Tag.Rows, VR.US, rows)
                .setInt(Tag.Columns, VR.US, rows)
                .setInt(Tag.BitsAllocated, VR.US, 16)
                .setInt(Tag.BitsStored, VR.US, 16)
                .setInt(Tag.HighBit, VR.US, 15)
                .setInt(Tag.PixelRepresentation, VR.US, 0)
                .setBytes(Tag.PixelData, VR.OW, pixels);
        try {
            return new Instance(uid, DicomWriter.toBytes(ds, TransferSyntax.of(Uid.ExplicitVRLittleEndian)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
