package dev.custodian.server.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The attributes the index keeps for each level (tags and keywords from PS3.6 §6), the ones
 * Orthanc reports as {@code MainDicomTags}. {@link #TRANSFER_SYNTAX_UID} comes from the File
 * Meta Information (PS3.10 §7.1) and is kept but not reported among the main tags.
 */
public enum MainDicomTag {
    PATIENT_ID(0x00100020, "PatientID", ResourceLevel.PATIENT, "patient_id"),
    PATIENT_NAME(0x00100010, "PatientName", ResourceLevel.PATIENT, "patient_name"),
    PATIENT_BIRTH_DATE(0x00100030, "PatientBirthDate", ResourceLevel.PATIENT, "patient_birth_date"),
    PATIENT_SEX(0x00100040, "PatientSex", ResourceLevel.PATIENT, "patient_sex"),

    STUDY_INSTANCE_UID(0x0020000D, "StudyInstanceUID", ResourceLevel.STUDY, "study_instance_uid"),
    STUDY_DATE(0x00080020, "StudyDate", ResourceLevel.STUDY, "study_date"),
    STUDY_TIME(0x00080030, "StudyTime", ResourceLevel.STUDY, "study_time"),
    STUDY_DESCRIPTION(0x00081030, "StudyDescription", ResourceLevel.STUDY, "study_description"),
    ACCESSION_NUMBER(0x00080050, "AccessionNumber", ResourceLevel.STUDY, "accession_number"),
    REFERRING_PHYSICIAN_NAME(0x00080090, "ReferringPhysicianName", ResourceLevel.STUDY, "referring_physician_name"),
    STUDY_ID(0x00200010, "StudyID", ResourceLevel.STUDY, "study_id"),
    INSTITUTION_NAME(0x00080080, "InstitutionName", ResourceLevel.STUDY, "institution_name"),

    SERIES_INSTANCE_UID(0x0020000E, "SeriesInstanceUID", ResourceLevel.SERIES, "series_instance_uid"),
    MODALITY(0x00080060, "Modality", ResourceLevel.SERIES, "modality"),
    SERIES_NUMBER(0x00200011, "SeriesNumber", ResourceLevel.SERIES, "series_number"),
    SERIES_DESCRIPTION(0x0008103E, "SeriesDescription", ResourceLevel.SERIES, "series_description"),
    BODY_PART_EXAMINED(0x00180015, "BodyPartExamined", ResourceLevel.SERIES, "body_part_examined"),
    SERIES_DATE(0x00080021, "SeriesDate", ResourceLevel.SERIES, "series_date"),
    SERIES_TIME(0x00080031, "SeriesTime", ResourceLevel.SERIES, "series_time"),
    PROTOCOL_NAME(0x00181030, "ProtocolName", ResourceLevel.SERIES, "protocol_name"),
    MANUFACTURER(0x00080070, "Manufacturer", ResourceLevel.SERIES, "manufacturer"),
    STATION_NAME(0x00081010, "StationName", ResourceLevel.SERIES, "station_name"),

    SOP_INSTANCE_UID(0x00080018, "SOPInstanceUID", ResourceLevel.INSTANCE, "sop_instance_uid"),
    SOP_CLASS_UID(0x00080016, "SOPClassUID", ResourceLevel.INSTANCE, "sop_class_uid"),
    INSTANCE_NUMBER(0x00200013, "InstanceNumber", ResourceLevel.INSTANCE, "instance_number"),
    ACQUISITION_NUMBER(0x00200012, "AcquisitionNumber", ResourceLevel.INSTANCE, "acquisition_number"),
    NUMBER_OF_FRAMES(0x00280008, "NumberOfFrames", ResourceLevel.INSTANCE, "number_of_frames"),
    INSTANCE_CREATION_DATE(0x00080012, "InstanceCreationDate", ResourceLevel.INSTANCE, "instance_creation_date"),
    INSTANCE_CREATION_TIME(0x00080013, "InstanceCreationTime", ResourceLevel.INSTANCE, "instance_creation_time"),
    TRANSFER_SYNTAX_UID(0x00020010, "TransferSyntaxUID", ResourceLevel.INSTANCE, "transfer_syntax_uid");

    private final int tag;
    private final String keyword;
    private final ResourceLevel level;
    private final String column;

    MainDicomTag(int tag, String keyword, ResourceLevel level, String column) {
        this.tag = tag;
        this.keyword = keyword;
        this.level = level;
        this.column = column;
    }

    /** The tag as {@code (group << 16) | element}. */
    public int tag() {
        return tag;
    }

    public String keyword() {
        return keyword;
    }

    public ResourceLevel level() {
        return level;
    }

    String column() {
        return column;
    }

    /** Reported in Orthanc's {@code MainDicomTags} object. */
    public boolean reported() {
        return this != TRANSFER_SYNTAX_UID;
    }

    public static List<MainDicomTag> of(ResourceLevel level) {
        List<MainDicomTag> tags = new ArrayList<>();
        for (MainDicomTag t : values()) {
            if (t.level == level) {
                tags.add(t);
            }
        }
        return List.copyOf(tags);
    }
}
