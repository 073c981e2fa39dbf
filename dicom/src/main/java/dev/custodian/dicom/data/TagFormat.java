package dev.custodian.dicom.data;

/** Formats tags the way the standard writes them: (gggg,eeee). */
public final class TagFormat {
    private TagFormat() {
    }

    public static String of(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
