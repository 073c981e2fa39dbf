package dev.custodian.dicom.file;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.util.Optional;

/**
 * The File Meta Information of a Part 10 file (PS3.10 §7.1): group 0002, always Explicit VR
 * Little Endian. (0002,0000) and (0002,0001) are not held here: the writer computes the group
 * length and always writes version 00\01.
 *
 * @param mediaStorageSopClassUid    (0002,0002)
 * @param mediaStorageSopInstanceUid (0002,0003)
 * @param transferSyntaxUid          (0002,0010), the encoding of the data set that follows
 * @param implementationClassUid     (0002,0012)
 * @param implementationVersionName  (0002,0013), at most 16 characters; may be null
 * @param sourceApplicationEntityTitle (0002,0016), the AE that sent or wrote the file; may be null
 */
public record FileMetaInformation(String mediaStorageSopClassUid, String mediaStorageSopInstanceUid,
                                  String transferSyntaxUid, String implementationClassUid,
                                  String implementationVersionName, String sourceApplicationEntityTitle) {
    /** Custodian's Implementation Class UID: a fixed UUID-derived UID (PS3.5 §B.2) chosen once for the project. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.284853276049937828301497808256146009386";
    /** Custodian's Implementation Version Name, changed with each release of the codec. */
    public static final String IMPLEMENTATION_VERSION_NAME = "CUSTODIAN_010";

    public FileMetaInformation {
        require(mediaStorageSopClassUid, "Media Storage SOP Class UID");
        require(mediaStorageSopInstanceUid, "Media Storage SOP Instance UID");
        require(transferSyntaxUid, "Transfer Syntax UID");
        require(implementationClassUid, "Implementation Class UID");
        if (implementationVersionName != null && implementationVersionName.length() > 16) {
            throw new IllegalArgumentException("Implementation Version Name longer than 16: " + implementationVersionName);
        }
        if (sourceApplicationEntityTitle != null && sourceApplicationEntityTitle.length() > 16) {
            throw new IllegalArgumentException("Source AE Title longer than 16: " + sourceApplicationEntityTitle);
        }
    }

    /** Meta information for a file written by Custodian. */
    public static FileMetaInformation of(String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        return new FileMetaInformation(sopClassUid, sopInstanceUid, transferSyntaxUid, IMPLEMENTATION_CLASS_UID,
                IMPLEMENTATION_VERSION_NAME, null);
    }

    public FileMetaInformation withSourceApplicationEntityTitle(String aet) {
        return new FileMetaInformation(mediaStorageSopClassUid, mediaStorageSopInstanceUid, transferSyntaxUid,
                implementationClassUid, implementationVersionName, aet);
    }

    /** The group 0002 elements, without the group length. */
    public DataSet toDataSet() {
        DataSet ds = new DataSet();
        ds.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        ds.setString(Tag.MediaStorageSOPClassUID, VR.UI, mediaStorageSopClassUid);
        ds.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, mediaStorageSopInstanceUid);
        ds.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
        ds.setString(Tag.ImplementationClassUID, VR.UI, implementationClassUid);
        if (implementationVersionName != null) {
            ds.setString(Tag.ImplementationVersionName, VR.SH, implementationVersionName);
        }
        if (sourceApplicationEntityTitle != null) {
            ds.setString(Tag.SourceApplicationEntityTitle, VR.AE, sourceApplicationEntityTitle);
        }
        return ds;
    }

    /** Reads the meta information from group 0002 elements; empty if a required UID is missing. */
    public static Optional<FileMetaInformation> fromDataSet(DataSet ds) {
        Optional<String> cls = ds.getString(Tag.MediaStorageSOPClassUID);
        Optional<String> inst = ds.getString(Tag.MediaStorageSOPInstanceUID);
        Optional<String> ts = ds.getString(Tag.TransferSyntaxUID);
        if (cls.isEmpty() || inst.isEmpty() || ts.isEmpty()) {
            return Optional.empty();
        }
        String impl = ds.getString(Tag.ImplementationClassUID).filter(s -> !s.isEmpty()).orElse("0");
        String name = ds.getString(Tag.ImplementationVersionName).filter(s -> s.length() <= 16).orElse(null);
        String aet = ds.getString(Tag.SourceApplicationEntityTitle).filter(s -> s.length() <= 16).orElse(null);
        try {
            return Optional.of(new FileMetaInformation(cls.get(), inst.get(), ts.get(), impl, name, aet));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
