package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DicomFormatException;
import java.io.IOException;

/**
 * The encoding of sequences for {@link DicomReader} (PS3.5 §7.5): inside a sequence an Item
 * (FFFE,E000) opens an item of defined or undefined length and a Sequence Delimitation Item
 * (FFFE,E0DD) closes the sequence; inside an item of undefined length an Item Delimitation Item
 * (FFFE,E00D) closes it. Tolerated: a sequence delimiter where the item delimiter is missing
 * closes both; stray delimiters outside an open sequence or item are skipped.
 */
final class ItemReader {
    private final DicomInput in;
    private final HeaderReader headers;
    private final ValueReader values;

    ItemReader(DicomInput in, HeaderReader headers, ValueReader values) {
        this.in = in;
        this.headers = headers;
        this.values = values;
    }

    /** Tag {@code tag}, read at {@code start}, in sequence {@code f} (on top of {@code stack}). */
    void inSequence(FrameStack stack, Frame f, int tag, long start, boolean retain) throws IOException {
        long len = headers.length(f, tag);
        if (tag == DicomReader.ITEM) {
            long end = -1;
            if (len != DicomReader.UNDEFINED) {
                values.checkWithin(f, len, tag);
                stack.checkWithinTentative(in.position(), len, tag);
                in.checkAvailable(len, tag);
                end = in.position() + len;
            }
            stack.push(f.item(end, retain));
        } else if (tag == DicomReader.SEQUENCE_DELIMITER) {
            stack.finish(in.position());
        } else {
            throw new DicomFormatException("expected an item (FFFE,E000) in the sequence, found "
                    + DicomReader.tagString(tag), start, f.tag);
        }
    }

    /** Tag {@code tag} of group FFFE, read at {@code start}, in a data set or item {@code f}. */
    void delimiter(FrameStack stack, Frame f, int tag, long start) throws IOException {
        headers.length(f, tag);
        if (tag == DicomReader.ITEM_DELIMITER) {
            if (f.kind == Frame.Kind.ITEM && f.end < 0) {
                stack.finish(in.position());
            }
        } else if (tag == DicomReader.SEQUENCE_DELIMITER) {
            if (f.kind == Frame.Kind.ITEM && f.end < 0) {
                stack.finish(in.position()); // the item delimiter was missing: close the item and its sequence
                stack.finish(in.position());
            }
        } else {
            throw new DicomFormatException("unexpected " + DicomReader.tagString(tag) + " outside a sequence",
                    start, tag);
        }
    }
}
