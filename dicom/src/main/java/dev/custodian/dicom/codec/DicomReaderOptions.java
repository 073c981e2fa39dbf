package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.ElementDictionary;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Limits and behaviour of {@link DicomReader}.
 *
 * @param maxValueLength    largest value read into memory; a longer value that does not go to the
 *                          bulk data sink is a {@link dev.custodian.dicom.data.DicomFormatException}
 * @param bulkDataThreshold values (and fragments) longer than this go to {@code bulkDataSink} when
 *                          there is one
 * @param bulkDataSink      receives large values; {@code null} keeps every value in memory
 * @param maxDepth          deepest nesting of sequences accepted (PS3.5 §7.5)
 * @param vrResolver        the VR of a tag for Implicit VR (PS3.5 §7.1.3) and for the explicit VR
 *                          policy; the standard dictionary by default
 * @param stopBefore        the reader stops before the first top-level element whose tag matches
 */
public record DicomReaderOptions(long maxValueLength, long bulkDataThreshold, BulkDataSink bulkDataSink,
                                 int maxDepth, IntFunction<VR> vrResolver, IntPredicate stopBefore) {
    /** 256 MiB in memory, no sink, 64 levels, the standard dictionary, read everything. */
    public static final DicomReaderOptions DEFAULT = new DicomReaderOptions(256L << 20, Long.MAX_VALUE, null, 64,
            ElementDictionary.standard()::vrOf, tag -> false);

    public DicomReaderOptions {
        if (maxValueLength < 0 || maxValueLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxValueLength must be in [0, 2^31-9]: " + maxValueLength);
        }
        if (bulkDataThreshold < 0 || maxDepth < 1) {
            throw new IllegalArgumentException("bulkDataThreshold >= 0 and maxDepth >= 1 required");
        }
        if (vrResolver == null || stopBefore == null) {
            throw new IllegalArgumentException("vrResolver and stopBefore are required");
        }
    }

    /** A predicate matching tags at or after {@code tag} (unsigned order), for {@link #withStopBefore}. */
    public static IntPredicate atOrAfter(int tag) {
        return t -> Integer.compareUnsigned(t, tag) >= 0;
    }

    public DicomReaderOptions withMaxValueLength(long max) {
        return new DicomReaderOptions(max, bulkDataThreshold, bulkDataSink, maxDepth, vrResolver, stopBefore);
    }

    /** Values longer than {@code threshold} bytes go to {@code sink}. */
    public DicomReaderOptions withBulkDataSink(BulkDataSink sink, long threshold) {
        return new DicomReaderOptions(maxValueLength, threshold, sink, maxDepth, vrResolver, stopBefore);
    }

    public DicomReaderOptions withMaxDepth(int depth) {
        return new DicomReaderOptions(maxValueLength, bulkDataThreshold, bulkDataSink, depth, vrResolver, stopBefore);
    }

    public DicomReaderOptions withVrResolver(IntFunction<VR> resolver) {
        return new DicomReaderOptions(maxValueLength, bulkDataThreshold, bulkDataSink, maxDepth, resolver, stopBefore);
    }

    public DicomReaderOptions withStopBefore(IntPredicate stop) {
        return new DicomReaderOptions(maxValueLength, bulkDataThreshold, bulkDataSink, maxDepth, vrResolver, stop);
    }
}
