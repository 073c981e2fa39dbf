package dev.custodian.dicom.data;

/**
 * Source of new, globally unique UIDs (PS3.5 §9). Passed to whoever creates instances,
 * transactions or associations, so that tests can supply a predictable one.
 */
@FunctionalInterface
public interface UidGenerator {
    /** A new UID, valid per PS3.5 §9.1, never returned before. */
    String newUid();
}
