package dev.custodian.dicom.data;

/** The few tags the data model itself interprets (PS3.6); the full list is {@code dict.Tag}. */
final class TagNumbers {
    /** Specific Character Set (0008,0005). */
    static final int SPECIFIC_CHARACTER_SET = 0x00080005;

    private TagNumbers() {
    }
}
