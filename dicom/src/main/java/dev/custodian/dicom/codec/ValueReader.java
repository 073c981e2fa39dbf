package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.BinaryValue;
import dev.custodian.dicom.data.BulkData;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.ElementValue;
import dev.custodian.dicom.data.Fragments;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.VR;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads element values for {@link DicomReader}: in memory, to the bulk data sink, or skipped. */
final class ValueReader {
    private final DicomInput in;
    private final DicomReaderOptions opt;
    private final byte[] hdr = new byte[8];

    ValueReader(DicomInput in, DicomReaderOptions opt) {
        this.in = in;
        this.opt = opt;
    }

    /** A plain value of defined length; null when it was skipped ({@code retain} false and no sink). */
    ElementValue value(Frame f, int tag, VR vr, long len, boolean retain) throws IOException {
        if (bulk(len)) {
            return sink(tag, vr, -1, len);
        }
        if (!retain) {
            in.skip(len, tag);
            return null;
        }
        byte[] b = in.readValue(len, opt.maxValueLength(), tag);
        if (f.bigEndian) {
            ByteSwap.swap(b, 0, b.length, ByteSwap.unit(vr));
        }
        return new InlineBytes(b);
    }

    private boolean bulk(long len) {
        return opt.bulkDataSink() != null && len > opt.bulkDataThreshold();
    }

    private BulkData sink(int tag, VR vr, int fragment, long len) throws IOException {
        long offset = in.position();
        in.checkAvailable(len, tag);
        ValueInputStream value = new ValueInputStream(in, len, tag);
        BulkData ref = opt.bulkDataSink().store(tag, vr, fragment, offset, len, value);
        value.skipRest();
        return ref != null ? ref : new BulkData(BulkData.DISCARDED, offset, len);
    }

    /** Encapsulated pixel data (PS3.5 §A.4): Basic Offset Table item, fragment items, delimiter. */
    Fragments fragments(Frame f, int tag, VR vr, boolean retain) throws IOException {
        byte[] offsetTable = null;
        List<BinaryValue> list = new ArrayList<>();
        int index = 0;
        while (true) {
            long start = in.position();
            in.readFully(hdr, 0, 8, tag);
            int t = (DicomInput.u16(hdr, 0, f.bigEndian) << 16) | DicomInput.u16(hdr, 2, f.bigEndian);
            long len = DicomInput.i32(hdr, 4, f.bigEndian) & DicomReader.UNDEFINED;
            if (t == DicomReader.SEQUENCE_DELIMITER) {
                break;
            }
            if (t != DicomReader.ITEM || len == DicomReader.UNDEFINED) {
                throw new DicomFormatException("expected a fragment item with defined length in encapsulated "
                        + "pixel data, found " + DicomReader.tagString(t), start, tag);
            }
            checkWithin(f, len, tag);
            if (offsetTable == null) {
                offsetTable = in.readValue(len, opt.maxValueLength(), tag);
            } else if (bulk(len)) {
                list.add(sink(tag, vr, index++, len));
            } else if (retain) {
                list.add(new InlineBytes(in.readValue(len, opt.maxValueLength(), tag)));
                index++;
            } else {
                in.skip(len, tag);
                index++;
            }
        }
        return retain ? new Fragments(offsetTable, list) : null;
    }

    /**
     * A value of defined length that may be a sequence the VR does not say (UN of a dictionary SQ,
     * or an unknown tag in Implicit VR): Implicit VR Little Endian items, else the bytes as sent.
     */
    ElementValue unknownSequence(int tag, long len, int depth) throws IOException {
        long offset = in.position();
        byte[] b = in.readValue(len, opt.maxValueLength(), tag);
        try {
            return UnknownSequenceParser.parse(b, tag, offset, opt, depth);
        } catch (DicomFormatException e) {
            return new InlineBytes(b);
        }
    }

    void checkWithin(Frame f, long len, int tag) throws DicomFormatException {
        if (f.end >= 0 && len > f.end - in.position()) {
            throw new DicomFormatException("value length " + len + " goes beyond the end of the enclosing item ("
                    + (f.end - in.position()) + " bytes left)", in.position(), tag);
        }
    }
}
