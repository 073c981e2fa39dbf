package dev.custodian.server.index;

import dev.custodian.dicom.data.DataSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The attributes of one received instance that the index keeps: a value per
 * {@link MainDicomTag}, absent (null) when the data set does not contain the attribute, the empty
 * string when it contains it without a value (reported as {@code ""}, as Orthanc does). Values
 * are trimmed of the spaces and NULs of DICOM padding (PS3.5 §6.2). The three hierarchy UIDs and
 * the SOP Class UID are required non-empty; a missing Patient ID is kept as the empty string.
 */
public record InstanceAttributes(Map<MainDicomTag, String> values) {

    public InstanceAttributes {
        Objects.requireNonNull(values, "values");
        EnumMap<MainDicomTag, String> copy = new EnumMap<>(MainDicomTag.class);
        values.forEach((tag, value) -> {
            String trimmed = trim(value);
            if (trimmed != null) {
                copy.put(Objects.requireNonNull(tag, "tag"), trimmed);
            }
        });
        copy.putIfAbsent(MainDicomTag.PATIENT_ID, "");
        for (MainDicomTag required : new MainDicomTag[] {MainDicomTag.STUDY_INSTANCE_UID,
                MainDicomTag.SERIES_INSTANCE_UID, MainDicomTag.SOP_INSTANCE_UID, MainDicomTag.SOP_CLASS_UID}) {
            if (copy.getOrDefault(required, "").isEmpty()) {
                throw new IllegalArgumentException("missing " + required.keyword() + " "
                        + String.format("(%04X,%04X)", required.tag() >>> 16, required.tag() & 0xFFFF));
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** Reads each main tag through {@code source} (e.g. {@code t -> dataSet.getString(t.tag())}). */
    public static InstanceAttributes from(Function<MainDicomTag, String> source) {
        EnumMap<MainDicomTag, String> map = new EnumMap<>(MainDicomTag.class);
        for (MainDicomTag tag : MainDicomTag.values()) {
            String value = source.apply(tag);
            if (value != null) {
                map.put(tag, value);
            }
        }
        return new InstanceAttributes(map);
    }

    /**
     * Reads the main tags of a data set: multiple values joined with '\\' as in the DICOM
     * encoding (PS3.5 §6.4), an element present without value as "". The transfer syntax comes
     * from the File Meta Information or the presentation context, not from the data set.
     */
    public static InstanceAttributes fromDataSet(DataSet dataSet, String transferSyntaxUid) {
        return from(tag -> {
            if (tag == MainDicomTag.TRANSFER_SYNTAX_UID) {
                return transferSyntaxUid;
            }
            return dataSet.contains(tag.tag()) ? String.join("\\", dataSet.getStrings(tag.tag())) : null;
        });
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        return value.substring(start, end);
    }

    public String get(MainDicomTag tag) {
        return values.get(tag);
    }

    public String patientId() {
        return values.get(MainDicomTag.PATIENT_ID);
    }

    public String studyInstanceUid() {
        return values.get(MainDicomTag.STUDY_INSTANCE_UID);
    }

    public String seriesInstanceUid() {
        return values.get(MainDicomTag.SERIES_INSTANCE_UID);
    }

    public String sopInstanceUid() {
        return values.get(MainDicomTag.SOP_INSTANCE_UID);
    }

    public String sopClassUid() {
        return values.get(MainDicomTag.SOP_CLASS_UID);
    }

    /** Orthanc public identifier of this instance's resource at {@code level}. */
    public String publicId(ResourceLevel level) {
        return switch (level) {
            case PATIENT -> OrthancIds.patient(patientId());
            case STUDY -> OrthancIds.study(patientId(), studyInstanceUid());
            case SERIES -> OrthancIds.series(patientId(), studyInstanceUid(), seriesInstanceUid());
            case INSTANCE -> OrthancIds.instance(patientId(), studyInstanceUid(), seriesInstanceUid(), sopInstanceUid());
        };
    }
}
