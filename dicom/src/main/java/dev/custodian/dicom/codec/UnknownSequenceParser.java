package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.ElementValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Parses a UN value as the items of a sequence in Implicit VR Little Endian (PS3.5 §6.2.2). */
final class UnknownSequenceParser {
    private UnknownSequenceParser() {
    }

    static ElementValue parse(byte[] value, int tag, long offset, DicomReaderOptions opt, int depth)
            throws IOException {
        int left = opt.maxDepth() - depth;
        if (left < 1) {
            throw new DicomFormatException("sequences nested deeper than " + opt.maxDepth(), offset, tag);
        }
        DicomReader sub = new DicomReader(new ByteArrayInputStream(value), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                opt.withMaxDepth(left).withStopBefore(t -> false), offset, offset + value.length);
        return sub.readSequenceValue(tag, offset + value.length).get(tag)
                .orElseThrow(() -> new DicomFormatException("not a sequence", offset, tag)).value();
    }
}
