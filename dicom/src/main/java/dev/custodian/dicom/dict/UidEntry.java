package dev.custodian.dicom.dict;

import java.util.Objects;

/**
 * One UID of the PS3.6 Annex A registry (table A-1) and of the well-known frames of reference
 * (table A-2) and coding schemes (table A-3).
 *
 * @param uid     the UID value, e.g. "1.2.840.10008.1.2.1"
 * @param name    the standard's name, e.g. "Explicit VR Little Endian" ("" for two retired
 *                SOP classes whose name the standard no longer gives)
 * @param type    the standard's UID type, e.g. "Transfer Syntax", "SOP Class",
 *                "Well-known SOP Instance", "Meta SOP Class"
 * @param keyword the standard's keyword (or one derived from the name, see {@link Uid}); ""
 *                when there is neither
 * @param retired whether the standard lists the UID as retired
 */
public record UidEntry(String uid, String name, String type, String keyword, boolean retired) {

    public UidEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyword, "keyword");
        if (uid.isEmpty() || type.isEmpty()) {
            throw new IllegalArgumentException("UID entry needs a UID and a type: " + uid + " " + type);
        }
    }
}
