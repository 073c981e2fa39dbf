package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.Fragments;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.util.List;

/** Data sets built in code for the codec tests. */
final class Samples {
    private Samples() {
    }

    /** A small image-like data set: strings, numbers, a nested sequence, a private element, pixel data. */
    static DataSet image() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5.6.7");
        ds.setString(Tag.StudyDate, VR.DA, "20240131");
        ds.setString(Tag.PatientName, VR.PN, "Müller^Jürgen");
        ds.setString(Tag.PatientID, VR.LO, "PID-1");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        ds.setInt(Tag.Rows, VR.US, 2);
        ds.setInt(Tag.Columns, VR.US, 2);
        ds.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.25);
        ds.setDouble(0x00189087, VR.FD, 1000.5);
        ds.setInt(0x00189219, VR.SS, -3);
        ds.setInt(0x00200013, VR.IS, 42);
        ds.setLong(0x00289001, VR.UL, 4_000_000_000L);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        ds.setString(0x00090010, VR.LO, "ACME 1.0");
        ds.setBytes(0x00091001, VR.UN, new byte[] {1, 2, 3, 4, 5, 6});
        DataSet code = new DataSet();
        code.setString(Tag.CodeValue, VR.SH, "T-D1100");
        code.setString(Tag.CodingSchemeDesignator, VR.SH, "SRT");
        DataSet region = new DataSet();
        region.setSequence(Tag.AnatomicRegionModifierSequence, List.of(code));
        region.setString(Tag.CodeMeaning, VR.LO, "Schädel");
        ds.setSequence(Tag.AnatomicRegionSequence, List.of(region, new DataSet()));
        ds.setBytes(Tag.PixelData, VR.OW, new byte[] {1, 0, 2, 0, 3, 0, 4, 0});
        return ds;
    }

    /** The image data set with encapsulated pixel data: empty offset table, two fragments. */
    static DataSet encapsulated() {
        DataSet ds = image();
        ds.setFragments(Tag.PixelData, VR.OB, new Fragments(new byte[] {0, 0, 0, 0},
                List.of(new InlineBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}), new InlineBytes(new byte[] {9, 9}))));
        return ds;
    }

    static final List<TransferSyntax> NATIVE = List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
}
