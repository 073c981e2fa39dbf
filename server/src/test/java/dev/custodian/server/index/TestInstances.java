package dev.custodian.server.index;

import dev.custodian.server.store.StoredFile;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** Builds index inputs for tests. */
final class TestInstances {
    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

    private TestInstances() {}

    static InstanceAttributes attributes(String patientId, String study, String series, String sop) {
        Map<MainDicomTag, String> values = new EnumMap<>(MainDicomTag.class);
        values.put(MainDicomTag.PATIENT_ID, patientId);
        values.put(MainDicomTag.PATIENT_NAME, "Doe^" + patientId);
        values.put(MainDicomTag.PATIENT_SEX, "O");
        values.put(MainDicomTag.STUDY_INSTANCE_UID, study);
        values.put(MainDicomTag.STUDY_DATE, "20260101");
        values.put(MainDicomTag.ACCESSION_NUMBER, "ACC-" + study.hashCode());
        values.put(MainDicomTag.SERIES_INSTANCE_UID, series);
        values.put(MainDicomTag.MODALITY, "CT");
        values.put(MainDicomTag.SERIES_NUMBER, "1");
        values.put(MainDicomTag.SOP_INSTANCE_UID, sop);
        values.put(MainDicomTag.SOP_CLASS_UID, CT_IMAGE_STORAGE);
        values.put(MainDicomTag.INSTANCE_NUMBER, "3 ");
        values.put(MainDicomTag.TRANSFER_SYNTAX_UID, "1.2.840.10008.1.2.1");
        return new InstanceAttributes(values);
    }

    static StoredFile file(long size) {
        return new StoredFile(UUID.randomUUID().toString(), size, "0".repeat(64));
    }
}
