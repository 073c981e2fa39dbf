package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.ElementValue;
import dev.custodian.dicom.data.Fragments;
import dev.custodian.dicom.data.Sequence;
import dev.custodian.dicom.data.VR;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Streaming reader of a data set in a transfer syntax (PS3.5 §7, §10): defined and undefined
 * lengths, item and sequence delimiters (§7.5), encapsulated pixel data (§A.4), deflate (§A.5).
 * Iterative: nesting uses an explicit stack bounded by {@link DicomReaderOptions#maxDepth()}.
 *
 * <p>Policy for what real devices send:
 * <ul>
 * <li>Explicit VR that disagrees with the dictionary: the bytes are kept; if both VRs are text the
 *     dictionary VR is recorded (e.g. a UID sent as SH becomes UI), otherwise the VR sent is kept
 *     (binary layouts differ, and multi-VR entries such as US/SS are legitimately ambiguous).</li>
 * <li>UN for a known tag (PS3.5 §6.2.2): with undefined length it is read as a sequence in Implicit
 *     VR Little Endian; with a defined length and a dictionary VR of SQ it is parsed as Implicit VR
 *     Little Endian items and kept as UN bytes if that fails; otherwise the dictionary VR is
 *     recorded when it is text, or binary in a little endian syntax.</li>
 * <li>Implicit VR (PS3.5 §7.1.3), also inside UN values read as Implicit VR items (§6.2.2): an
 *     element whose tag the dictionary does not know (a private sequence, which writers such as
 *     DCMTK and ours encode with a defined length) is read as a sequence when its defined length is
 *     at least 8 and its value starts with an Item tag (FFFE,E000) whose length is undefined or fits
 *     in the value (§7.5); if those bytes do not parse as items within that length, the value is
 *     kept as the UN bytes that were sent. Each such value is parsed from memory, nested ones
 *     within their parent's bytes, and all count towards {@link DicomReaderOptions#maxDepth()}.</li>
 * <li>Odd value lengths are accepted; group length elements are read like any other; stray
 *     (FFFE,E0DD)/(FFFE,E00D) outside an open sequence/item are skipped; zero bytes after the
 *     last element (trailing padding) end the data set.</li>
 * </ul>
 * Offsets in errors count bytes of the (inflated, for deflate) data set stream from
 * {@code startOffset}. Not thread-safe; one reader per stream.
 */
public final class DicomReader {
    static final long UNDEFINED = 0xFFFFFFFFL;
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITER = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITER = 0xFFFEE0DD;
    static final int PIXEL_DATA = 0x7FE00010;
    private static final int BUFFER = 65536;

    private final DicomInput in;
    private final TransferSyntax ts;
    private final DicomReaderOptions opt;
    private final byte[] hdr = new byte[12];
    private final ElementHeaderPolicy policy;
    private final ValueReader values;
    private boolean retain = true;
    private int sequenceDepth;
    private int lastRootTag = -1;
    private boolean seenRootElement;
    private ElementHeader pending;
    private boolean used;

    public DicomReader(InputStream in, TransferSyntax ts, DicomReaderOptions options) {
        this(in, ts, options, 0, -1);
    }

    /**
     * The reader reads {@code in} to its end (a data set has no terminator) and buffers it; the
     * length of a {@link ByteArrayInputStream} is known, so lengths are checked against it.
     *
     * @param startOffset offset of the first byte of {@code in}, for error messages and bulk data
     * @param endOffset   offset where the data ends if known (enables length sanity checks), else -1
     */
    public DicomReader(InputStream in, TransferSyntax ts, DicomReaderOptions options, long startOffset, long endOffset) {
        this.ts = ts;
        this.opt = options;
        this.policy = new ElementHeaderPolicy(options.vrResolver());
        if (ts.deflated()) {
            this.in = new DicomInput(new BufferedInputStream(new InflaterInputStream(in, new Inflater(true), BUFFER),
                    BUFFER), startOffset, -1);
        } else if (in instanceof ByteArrayInputStream bytes) {
            long end = endOffset >= 0 ? endOffset : startOffset + bytes.available();
            this.in = new DicomInput(in, startOffset, end);
        } else {
            this.in = new DicomInput(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, BUFFER),
                    startOffset, endOffset);
        }
        this.values = new ValueReader(this.in, options);
    }

    /**
     * Reads the data set up to the end of the stream, or up to the first top-level element matching
     * {@link DicomReaderOptions#stopBefore()} (its header is then consumed, see {@link #stoppedAt()}).
     */
    /** Reads a whole data set held in memory. */
    public static DataSet read(byte[] bytes, TransferSyntax ts) throws IOException {
        return new DicomReader(new ByteArrayInputStream(bytes), ts, DicomReaderOptions.DEFAULT).readDataSet();
    }

    public DataSet readDataSet() throws IOException {
        if (used) {
            throw new IllegalStateException("readDataSet may be called once per reader");
        }
        used = true;
        Frame root = Frame.root(-1, ts.explicitVr(), ts.bigEndian(), true);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(root);
        run(stack);
        return root.dataSet;
    }

    /** The tag before which reading stopped, if it did. */
    public OptionalInt stoppedAt() {
        return pending == null ? OptionalInt.empty() : OptionalInt.of(pending.tag());
    }

    /**
     * After a stop, reads the rest of the data set without keeping it: every length, delimiter and
     * nesting level is checked, values are skipped (or passed to the bulk data sink, if set).
     */
    public void skipRemaining() throws IOException {
        if (pending == null) {
            return;
        }
        retain = false;
        Deque<Frame> stack = new ArrayDeque<>();
        Frame root = Frame.root(-1, ts.explicitVr(), ts.bigEndian(), false);
        stack.push(root);
        ElementHeader h = pending;
        pending = null;
        element(stack, root, h);
        run(stack);
    }

    /** Bytes consumed so far, counted from the start offset (inflated bytes for deflate). */
    public long position() {
        return in.position();
    }

    private void run(Deque<Frame> stack) throws IOException {
        while (true) {
            Frame f = stack.peek();
            if (f.end >= 0 && in.position() >= f.end) {
                if (in.position() > f.end) {
                    throw new DicomFormatException("element runs past the end of its item or sequence at " + f.end,
                            in.position(), f.tag);
                }
                if (f.kind == Frame.Kind.ROOT) {
                    return;
                }
                finish(stack);
                continue;
            }
            long start = in.position();
            if (f.kind == Frame.Kind.ROOT) {
                int n = in.readUpTo(hdr, 0, 4);
                if (n == 0) {
                    return;
                }
                if (n < 4) {
                    throw new DicomFormatException("unexpected end of data in the element tag"
                            + (seenRootElement ? " after " + tagString(lastRootTag) : ""), in.position(), -1);
                }
            } else {
                in.readFully(hdr, 0, 4, f.tag);
            }
            int tag = (DicomInput.u16(hdr, 0, f.bigEndian) << 16) | DicomInput.u16(hdr, 2, f.bigEndian);
            if (f.kind == Frame.Kind.ROOT && tag == 0 && seenRootElement && (lastRootTag >>> 16) != 0) {
                TrailingPadding.consume(in, start);
                return;
            }
            if (f.kind == Frame.Kind.SEQUENCE) {
                sequenceContent(stack, f, tag, start);
            } else if ((tag >>> 16) == 0xFFFE) {
                delimiter(stack, f, tag, start);
            } else {
                ElementHeader h = readHeader(f, tag, start);
                if (f.kind == Frame.Kind.ROOT) {
                    if (retain && opt.stopBefore().test(tag)) {
                        pending = h;
                        return;
                    }
                    seenRootElement = true;
                    lastRootTag = tag;
                }
                element(stack, f, h);
            }
        }
    }

    private void sequenceContent(Deque<Frame> stack, Frame f, int tag, long start) throws IOException {
        in.readFully(hdr, 4, 4, tag);
        long len = DicomInput.i32(hdr, 4, f.bigEndian) & UNDEFINED;
        if (tag == ITEM) {
            long end = -1;
            if (len != UNDEFINED) {
                values.checkWithin(f, len, tag);
                in.checkAvailable(len, tag);
                end = in.position() + len;
            }
            stack.push(f.item(end, retain));
        } else if (tag == SEQUENCE_DELIMITER) {
            finish(stack);
        } else {
            throw new DicomFormatException("expected an item (FFFE,E000) in the sequence, found "
                    + tagString(tag), start, f.tag);
        }
    }

    private void delimiter(Deque<Frame> stack, Frame f, int tag, long start) throws IOException {
        in.readFully(hdr, 4, 4, tag);
        if (tag == ITEM_DELIMITER) {
            if (f.kind == Frame.Kind.ITEM && f.end < 0) {
                finish(stack);
            }
        } else if (tag == SEQUENCE_DELIMITER) {
            if (f.kind == Frame.Kind.ITEM && f.end < 0) {
                finish(stack);  // the item delimiter was missing: close the item and its sequence
                finish(stack);
            }
        } else {
            throw new DicomFormatException("unexpected " + tagString(tag) + " outside a sequence", start, tag);
        }
    }

    private ElementHeader readHeader(Frame f, int tag, long start) throws IOException {
        if (!f.explicitVr) {
            in.readFully(hdr, 4, 4, tag);
            long len = DicomInput.i32(hdr, 4, false) & UNDEFINED;
            return new ElementHeader(tag, policy.implicitVr(tag, len == UNDEFINED), len, start);
        }
        in.readFully(hdr, 4, 4, tag);
        int code = ((hdr[4] & 0xFF) << 8) | (hdr[5] & 0xFF);
        VR vr = VR.ofCode(code);
        if (vr == null) {
            throw new DicomFormatException(String.format("invalid VR bytes %02X %02X", hdr[4], hdr[5]), start, tag);
        }
        long len;
        if (vr.hasLongLength()) {
            in.readFully(hdr, 8, 4, tag);
            len = DicomInput.i32(hdr, 8, f.bigEndian) & UNDEFINED;
        } else {
            len = DicomInput.u16(hdr, 6, f.bigEndian);
        }
        return new ElementHeader(tag, vr, len, start);
    }

    private void element(Deque<Frame> stack, Frame f, ElementHeader h) throws IOException {
        int tag = h.tag();
        VR vr = h.vr();
        long len = h.length();
        if (len == UNDEFINED) {
            if (tag == PIXEL_DATA && vr != VR.SQ) {
                Fragments fr = values.fragments(f, tag, vr == VR.UN ? VR.OB : vr, retain);
                if (retain) {
                    f.dataSet.put(new DataElement(tag, vr == VR.UN ? VR.OB : vr, fr));
                }
            } else if (vr == VR.SQ || vr == VR.UN) {
                boolean asImplicit = vr == VR.UN && f.explicitVr;
                pushSequence(stack, tag, -1, !asImplicit && f.explicitVr, !asImplicit && f.bigEndian, h.offset());
            } else {
                throw new DicomFormatException("undefined length is not allowed for VR " + vr, h.offset(), tag);
            }
            return;
        }
        values.checkWithin(f, len, tag);
        in.checkAvailable(len, tag);
        if (vr == VR.SQ) {
            pushSequence(stack, tag, in.position() + len, f.explicitVr, f.bigEndian, h.offset());
            return;
        }
        if (!f.explicitVr && vr == VR.UN && retain && len >= 8 && len <= opt.maxValueLength()
                && startsWithItem(len)) {
            ElementValue v = values.unknownSequence(tag, len, sequenceDepth);
            f.dataSet.put(new DataElement(tag, v instanceof Sequence ? VR.SQ : VR.UN, v));
            return;
        }
        if (f.explicitVr) {
            if (vr == VR.UN && policy.dictionaryVr(tag) == VR.SQ && len > 0 && len <= opt.maxValueLength()) {
                ElementValue v = values.unknownSequence(tag, len, sequenceDepth);
                if (retain) {
                    f.dataSet.put(new DataElement(tag, v instanceof Sequence ? VR.SQ : VR.UN, v));
                }
                return;
            }
            vr = policy.explicitVr(tag, vr, f.bigEndian);
        }
        ElementValue v = values.value(f, tag, vr, len, retain);
        if (retain) {
            f.dataSet.put(new DataElement(tag, vr, v));
        }
    }

    /**
     * Whether a value of defined length {@code len} (not yet read) starts like the items of a
     * sequence: an Item tag (FFFE,E000) whose length is undefined or fits in the value.
     */
    private boolean startsWithItem(long len) throws IOException {
        if (in.peek(hdr, 8) < 8) {
            return false;
        }
        long itemLength = DicomInput.i32(hdr, 4, false) & UNDEFINED;
        int tag = (DicomInput.u16(hdr, 0, false) << 16) | DicomInput.u16(hdr, 2, false);
        return tag == ITEM && (itemLength == UNDEFINED || itemLength <= len - 8);
    }

    private void pushSequence(Deque<Frame> stack, int tag, long end, boolean explicitVr, boolean bigEndian,
                              long offset) throws DicomFormatException {
        if (sequenceDepth >= opt.maxDepth()) {
            throw new DicomFormatException("sequences nested deeper than " + opt.maxDepth(), offset, tag);
        }
        sequenceDepth++;
        stack.push(Frame.sequence(tag, end, explicitVr, bigEndian, retain));
    }

    private void finish(Deque<Frame> stack) {
        Frame done = stack.pop();
        Frame parent = stack.peek();
        if (done.kind == Frame.Kind.ITEM) {
            if (parent.items != null) {
                parent.items.add(done.dataSet);
            }
        } else {
            sequenceDepth--;
            if (parent.dataSet != null) {
                parent.dataSet.put(new DataElement(done.tag, VR.SQ, new Sequence(done.items)));
            }
        }
    }

    static String tagString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /** Reads the items of a UN sequence value in memory; package-private entry for the parser. */
    DataSet readSequenceValue(int tag, long end) throws IOException {
        used = true;
        Frame holder = Frame.root(end, false, false, true);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(holder);
        sequenceDepth++;
        stack.push(Frame.sequence(tag, end, false, false, true));
        run(stack);
        return holder.dataSet;
    }
}
