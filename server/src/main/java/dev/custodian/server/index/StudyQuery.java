package dev.custodian.server.index;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A search for studies, as Orthanc's {@code /tools/find} at level {@code Study}: DICOM keywords of
 * patient and study main tags → a value to match (PS3.4 §C.2.2.2: {@code *} and {@code ?}
 * wildcards; a date as {@code YYYYMMDD}, {@code A-B}, {@code A-} or {@code -B}; empty or {@code *}
 * matches everything). Person names are matched ignoring case (Orthanc's default
 * {@code CaseSensitivePN} false), other values as {@code caseSensitive} says.
 */
public record StudyQuery(Map<String, String> constraints, boolean caseSensitive, long since, long limit) {
    /** The keywords a study search understands, with the column holding each. */
    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("PatientName", "p.patient_name"),
            Map.entry("PatientID", "p.patient_id"),
            Map.entry("PatientBirthDate", "p.patient_birth_date"),
            Map.entry("PatientSex", "p.patient_sex"),
            Map.entry("StudyInstanceUID", "s.study_instance_uid"),
            Map.entry("StudyDate", "s.study_date"),
            Map.entry("StudyTime", "s.study_time"),
            Map.entry("StudyDescription", "s.study_description"),
            Map.entry("AccessionNumber", "s.accession_number"),
            Map.entry("ReferringPhysicianName", "s.referring_physician_name"),
            Map.entry("StudyID", "s.study_id"),
            Map.entry("InstitutionName", "s.institution_name"));
    static final Set<String> DATES = Set.of("PatientBirthDate", "StudyDate");
    static final Set<String> PERSON_NAMES = Set.of("PatientName", "ReferringPhysicianName");

    public StudyQuery {
        constraints = Map.copyOf(new TreeMap<>(constraints));
        for (Map.Entry<String, String> c : constraints.entrySet()) {
            if (!COLUMNS.containsKey(c.getKey())) {
                throw new IllegalArgumentException("cannot search studies by " + c.getKey() + "; known: "
                        + new TreeMap<>(COLUMNS).keySet());
            }
            if (DATES.contains(c.getKey()) && !isDateMatch(c.getValue())) {
                throw new IllegalArgumentException(c.getKey() + " must be YYYYMMDD or a range YYYYMMDD-YYYYMMDD,"
                        + " either end left open: " + c.getValue());
            }
        }
        if (since < 0 || limit < 0) {
            throw new IllegalArgumentException("Since and Limit must be >= 0");
        }
    }

    /** Empty, {@code *}, a date, or a range of dates with at most one open end. */
    static boolean isDateMatch(String value) {
        return value.isEmpty() || value.equals("*") || value.matches("\\d{8}") || value.matches("(\\d{8})?-(\\d{8})?")
                && !value.equals("-");
    }
}
