package dev.custodian.server.index;

import java.util.Locale;

/** The four levels of the DICOM information model (PS3.3 §A.1.2), with Orthanc's names. */
public enum ResourceLevel {
    PATIENT("patients", "Patient"),
    STUDY("studies", "Study"),
    SERIES("series", "Series"),
    INSTANCE("instances", "Instance");

    private final String table;
    private final String orthancName;

    ResourceLevel(String table, String orthancName) {
        this.table = table;
        this.orthancName = orthancName;
    }

    /** SQL table name, also the REST collection name ({@code /patients}, ...). */
    public String table() {
        return table;
    }

    /** As Orthanc writes it in {@code "Type"}: Patient, Study, Series, Instance. */
    public String orthancName() {
        return orthancName;
    }

    public ResourceLevel parent() {
        return this == PATIENT ? null : values()[ordinal() - 1];
    }

    public ResourceLevel child() {
        return this == INSTANCE ? null : values()[ordinal() + 1];
    }

    public static ResourceLevel fromTable(String name) {
        for (ResourceLevel level : values()) {
            if (level.table.equals(name.toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        throw new IllegalArgumentException("no resource level " + name);
    }
}
