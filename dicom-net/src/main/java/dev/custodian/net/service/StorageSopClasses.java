package dev.custodian.net.service;

import dev.custodian.dicom.dict.UidDictionary;
import dev.custodian.dicom.dict.UidEntry;
import java.util.List;

/**
 * The standard Storage SOP classes (PS3.4 Annex B, table B.5-1): the SOP Class UIDs of the PS3.6
 * Annex A registry whose name ends in "Storage" and that are not retired.
 */
public final class StorageSopClasses {
    private StorageSopClasses() {
    }

    /** Storage SOP Class UIDs of {@code dictionary}, in registry order. */
    public static List<String> of(UidDictionary dictionary) {
        return dictionary.ofType("SOP Class").stream()
                .filter(e -> !e.retired() && e.name().endsWith("Storage"))
                .map(UidEntry::uid)
                .toList();
    }

    /** Storage SOP Class UIDs of the standard registry. */
    public static List<String> standard() {
        return of(UidDictionary.standard());
    }
}
