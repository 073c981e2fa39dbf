package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.ElementValue;
import java.io.IOException;

/**
 * Parses a UN value as the items of a sequence in Implicit VR Little Endian (PS3.5 §6.2.2): one
 * {@link DicomReader} over the value in memory, which parses the values nested in it on the same
 * explicit stack (no further readers, no recursion).
 */
final class UnknownSequenceParser {
    private UnknownSequenceParser() {
    }

    /**
     * @param offset where the value starts in the data set stream
     * @param depth  sequences open around the value
     * @return the {@link dev.custodian.dicom.data.Sequence}, or the bytes when they are not items
     */
    static ElementValue parse(byte[] value, int tag, long offset, DicomReaderOptions opt, int depth)
            throws IOException {
        if (depth >= opt.maxDepth()) {
            throw new DicomFormatException("sequences nested deeper than " + opt.maxDepth(), offset, tag);
        }
        return new DicomReader(value, opt, offset).readSequenceValue(tag, depth);
    }
}
