package dev.custodian.bench.dicom;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A realistic CT Image Storage instance built in code, as a modality would send it: 80 header
 * attributes (patient, study, series, equipment, acquisition, image plane and pixel modules,
 * two code sequences and a private block) and 512 x 512 x 16-bit pixel data (0.5 MiB), encoded
 * as a Part 10 file in Explicit VR Little Endian by our writer.
 *
 * <p>{@code main(path)} writes the same file to disk, e.g. to time dcmdump on it.
 */
public final class CtInstance {

    public static final int ROWS = 512;
    public static final int COLUMNS = 512;
    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    private CtInstance() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "ct-instance.dcm");
        Files.write(out, partTen());
        System.out.println(out + ": " + Files.size(out) + " bytes, " + header().size() + " header attributes");
    }

    /** The whole file: preamble, meta information, data set. */
    public static byte[] partTen() throws IOException {
        DataSet ds = header();
        ds.setBytes(Tag.PixelData, VR.OW, pixels());
        ByteArrayOutputStream out = new ByteArrayOutputStream(ROWS * COLUMNS * 2 + 8192);
        FileMetaInformation meta = FileMetaInformation.of(CT_IMAGE_STORAGE,
                ds.getString(Tag.SOPInstanceUID).orElseThrow(), EXPLICIT_VR_LITTLE_ENDIAN);
        new Part10Writer().write(out, meta, ds);
        return out.toByteArray();
    }

    /** 16-bit CT numbers (stored values 0..4095): a disc phantom with seeded noise. */
    static byte[] pixels() {
        ByteBuffer buf = ByteBuffer.allocate(ROWS * COLUMNS * 2).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(7);
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                int dx = x - COLUMNS / 2;
                int dy = y - ROWS / 2;
                int base = dx * dx + dy * dy < 200 * 200 ? 1064 : 24;
                buf.putShort((short) (base + random.nextInt(40)));
            }
        }
        return buf.array();
    }

    /** The header: everything but Pixel Data. */
    static DataSet header() {
        String study = "1.2.826.0.1.3680043.10.1471.1.20240131101500";
        String series = study + ".3";
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.InstanceCreationDate, VR.DA, "20240131");
        ds.setString(Tag.InstanceCreationTime, VR.TM, "101502.123456");
        ds.setString(Tag.SOPClassUID, VR.UI, CT_IMAGE_STORAGE);
        ds.setString(Tag.SOPInstanceUID, VR.UI, series + ".42");
        ds.setString(Tag.StudyDate, VR.DA, "20240131");
        ds.setString(Tag.SeriesDate, VR.DA, "20240131");
        ds.setString(Tag.AcquisitionDate, VR.DA, "20240131");
        ds.setString(Tag.ContentDate, VR.DA, "20240131");
        ds.setString(Tag.StudyTime, VR.TM, "101500");
        ds.setString(Tag.SeriesTime, VR.TM, "101630");
        ds.setString(Tag.AcquisitionTime, VR.TM, "101631.250000");
        ds.setString(Tag.ContentTime, VR.TM, "101631.250000");
        ds.setString(Tag.AccessionNumber, VR.SH, "ACC20240131001");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.Manufacturer, VR.LO, "Custodian Imaging");
        ds.setString(Tag.InstitutionName, VR.LO, "St. Elsewhere Hospital");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Referrer^Rita^^Dr.");
        ds.setString(Tag.StationName, VR.SH, "CT01");
        ds.setString(Tag.StudyDescription, VR.LO, "CT Thorax mit KM");
        ds.setString(Tag.SeriesDescription, VR.LO, "Thorax 1.0 B30f");
        ds.setString(Tag.InstitutionalDepartmentName, VR.LO, "Radiology");
        ds.setString(Tag.OperatorsName, VR.PN, "Tech^Tom");
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Phantom 128");
        ds.setSequence(Tag.ProcedureCodeSequence, List.of(code("RPID16", "RADLEX", "CT CHEST")));
        ds.setSequence(Tag.ReferencedStudySequence, List.of(reference("1.2.840.10008.3.1.2.3.1", study + ".9")));
        ds.setString(Tag.PatientName, VR.PN, "M\u00fcller^J\u00fcrgen");
        ds.setString(Tag.PatientID, VR.LO, "PID-4711");
        ds.setString(Tag.IssuerOfPatientID, VR.LO, "HOSPITAL");
        ds.setString(Tag.PatientBirthDate, VR.DA, "19600229");
        ds.setString(Tag.PatientSex, VR.CS, "M");
        ds.setString(Tag.PatientAge, VR.AS, "063Y");
        ds.setString(Tag.PatientSize, VR.DS, "1.82");
        ds.setString(Tag.PatientWeight, VR.DS, "81.5");
        ds.setString(Tag.BodyPartExamined, VR.CS, "CHEST");
        ds.setString(Tag.ScanOptions, VR.CS, "HELICAL_CT");
        ds.setString(Tag.SliceThickness, VR.DS, "1.0");
        ds.setString(Tag.KVP, VR.DS, "120");
        ds.setString(Tag.DataCollectionDiameter, VR.DS, "500");
        ds.setString(Tag.DeviceSerialNumber, VR.LO, "SN-000123");
        ds.setString(Tag.SoftwareVersions, VR.LO, "VA10", "SP2");
        ds.setString(Tag.ProtocolName, VR.LO, "Thorax Routine");
        ds.setString(Tag.ReconstructionDiameter, VR.DS, "380");
        ds.setString(Tag.DistanceSourceToDetector, VR.DS, "1085.6");
        ds.setString(Tag.DistanceSourceToPatient, VR.DS, "595");
        ds.setString(Tag.GantryDetectorTilt, VR.DS, "0");
        ds.setString(Tag.TableHeight, VR.DS, "160");
        ds.setString(Tag.RotationDirection, VR.CS, "CW");
        ds.setString(Tag.ExposureTime, VR.IS, "500");
        ds.setString(Tag.XRayTubeCurrent, VR.IS, "210");
        ds.setString(Tag.Exposure, VR.IS, "105");
        ds.setString(Tag.FilterType, VR.SH, "FLAT");
        ds.setString(Tag.GeneratorPower, VR.IS, "25");
        ds.setString(Tag.FocalSpots, VR.DS, "1.2");
        ds.setString(Tag.ConvolutionKernel, VR.SH, "B30f");
        ds.setString(Tag.PatientPosition, VR.CS, "HFS");
        ds.setDouble(Tag.SpiralPitchFactor, VR.FD, 1.2);
        ds.setString(Tag.StudyInstanceUID, VR.UI, study);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
        ds.setString(Tag.StudyID, VR.SH, "1");
        ds.setString(Tag.SeriesNumber, VR.IS, "3");
        ds.setString(Tag.AcquisitionNumber, VR.IS, "1");
        ds.setString(Tag.InstanceNumber, VR.IS, "42");
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-190", "-190", "-120.5");
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, study + ".7");
        ds.setString(Tag.PositionReferenceIndicator, VR.LO, "");
        ds.setString(Tag.SliceLocation, VR.DS, "-120.5");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, ROWS);
        ds.setInt(Tag.Columns, VR.US, COLUMNS);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.742188", "0.742188");
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.WindowCenter, VR.DS, "40", "-600");
        ds.setString(Tag.WindowWidth, VR.DS, "400", "1500");
        ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
        ds.setString(Tag.RescaleType, VR.LO, "HU");
        ds.setString(0x00090010, VR.LO, "CUSTODIAN BENCH");
        ds.setBytes(0x00091001, VR.OB, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        return ds;
    }

    private static DataSet code(String value, String scheme, String meaning) {
        DataSet item = new DataSet();
        item.setString(Tag.CodeValue, VR.SH, value);
        item.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
        return item;
    }

    private static DataSet reference(String sopClass, String sopInstance) {
        DataSet item = new DataSet();
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClass);
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopInstance);
        return item;
    }
}
