package dev.custodian.dicom.codec;

/**
 * Choices of {@link DicomWriter}.
 *
 * @param undefinedLengthSequences write sequences with undefined length and a delimiter (PS3.5 §7.5.2)
 * @param undefinedLengthItems     write items with undefined length and a delimiter
 * @param keepGroupLengths         write group length elements (gggg,0000) found in the data set; by
 *                                 default they are dropped, as their value would be stale after any
 *                                 change (they are retired in data sets, PS3.5 §7.2)
 * @param bulkDataResolver         opens values held as {@link dev.custodian.dicom.data.BulkData}; may
 *                                 be null if the data sets have none
 * @param maxDepth                 deepest sequence nesting written (guards against cycles)
 */
public record DicomWriterOptions(boolean undefinedLengthSequences, boolean undefinedLengthItems,
                                 boolean keepGroupLengths, BulkDataResolver bulkDataResolver, int maxDepth) {
    /** Defined lengths, no group lengths, no bulk data, 64 levels. */
    public static final DicomWriterOptions DEFAULT = new DicomWriterOptions(false, false, false, null, 64);

    public DicomWriterOptions {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1");
        }
    }

    /** Sequences and items with undefined lengths and delimiters. */
    public DicomWriterOptions withUndefinedLengths(boolean undefined) {
        return new DicomWriterOptions(undefined, undefined, keepGroupLengths, bulkDataResolver, maxDepth);
    }

    public DicomWriterOptions withKeepGroupLengths(boolean keep) {
        return new DicomWriterOptions(undefinedLengthSequences, undefinedLengthItems, keep, bulkDataResolver, maxDepth);
    }

    public DicomWriterOptions withBulkDataResolver(BulkDataResolver resolver) {
        return new DicomWriterOptions(undefinedLengthSequences, undefinedLengthItems, keepGroupLengths, resolver, maxDepth);
    }

    public DicomWriterOptions withMaxDepth(int depth) {
        return new DicomWriterOptions(undefinedLengthSequences, undefinedLengthItems, keepGroupLengths,
                bulkDataResolver, depth);
    }
}
