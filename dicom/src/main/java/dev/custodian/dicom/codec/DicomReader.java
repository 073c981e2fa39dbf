package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.ElementValue;
import dev.custodian.dicom.data.Fragments;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.Sequence;
import dev.custodian.dicom.data.VR;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

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
 *     kept as the UN bytes that were sent. The outermost such value is read into memory and parsed
 *     there; values nested in it are parsed in the same pass as <em>tentative</em> sequences on
 *     the same explicit stack (see {@link FrameStack}), which a failure inside unwinds to keep their
 *     bytes: no recursion, whatever the nesting. All count towards
 *     {@link DicomReaderOptions#maxDepth()}; a value one level too deep is kept as UN bytes.</li>
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

    private final DicomInput in;
    private final TransferSyntax ts;
    private final DicomReaderOptions opt;
    private final byte[] hdr = new byte[4];
    private final ElementHeaderPolicy policy;
    private final HeaderReader headers;
    private final ValueReader values;
    private final ItemReader items;
    /** The value this reader parses in memory ({@link #readSequenceValue}), else null. */
    private final byte[] memory;
    private final long memoryStart;
    private boolean retain = true;
    private int lastRootTag = -1;
    private boolean seenRootElement;
    private ElementHeader pending;
    private boolean used;
    private int streamedTag;
    private ItemSink streamedItems;

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
        this(in, ts, options, startOffset, endOffset, null);
    }

    /** A reader of {@code memory}, a value at {@code startOffset} to parse as Implicit VR items. */
    DicomReader(byte[] memory, DicomReaderOptions options, long startOffset) {
        this(new DicomInput.Memory(memory), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                options.withStopBefore(t -> false), startOffset, startOffset + memory.length, memory);
    }

    private DicomReader(InputStream in, TransferSyntax ts, DicomReaderOptions options, long startOffset,
                        long endOffset, byte[] memory) {
        this.memory = memory;
        this.memoryStart = startOffset;
        this.ts = ts;
        this.opt = options;
        this.policy = new ElementHeaderPolicy(options.vrResolver());
        this.in = DicomInput.open(in, ts.deflated(), startOffset, endOffset);
        this.headers = new HeaderReader(this.in, policy);
        this.values = new ValueReader(this.in, options);
        this.items = new ItemReader(this.in, headers, values);
    }

    /** Reads a whole data set held in memory. */
    public static DataSet read(byte[] bytes, TransferSyntax ts) throws IOException {
        return new DicomReader(new ByteArrayInputStream(bytes), ts, DicomReaderOptions.DEFAULT).readDataSet();
    }

    /**
     * Passes the items of the top-level sequence {@code tag} to {@code sink} as each is read,
     * instead of keeping them: the data set then holds that sequence without items. For data
     * sets whose size is in one sequence's item count, so memory stays bounded by one item. Only
     * a sequence the stream encodes as one (SQ, or UN of undefined length) is streamed; a UN
     * value of defined length that the reader parses as items is kept whole (it is bounded by
     * {@link DicomReaderOptions#maxValueLength()}). Call before {@link #readDataSet()}.
     */
    public DicomReader streamItems(int tag, ItemSink sink) {
        if (used) {
            throw new IllegalStateException("streamItems must be called before readDataSet");
        }
        this.streamedTag = tag;
        this.streamedItems = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /**
     * Reads the data set up to the end of the stream, or up to the first top-level element matching
     * {@link DicomReaderOptions#stopBefore()} (its header is then consumed, see {@link #stoppedAt()}).
     */
    public DataSet readDataSet() throws IOException {
        if (used) {
            throw new IllegalStateException("readDataSet may be called once per reader");
        }
        used = true;
        Frame root = Frame.root(-1, ts.explicitVr(), ts.bigEndian(), true);
        FrameStack stack = new FrameStack(opt.maxDepth(), 0);
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
        FrameStack stack = new FrameStack(opt.maxDepth(), 0);
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

    private void run(FrameStack stack) throws IOException {
        boolean more = true;
        while (more) {
            try {
                more = step(stack);
            } catch (DicomFormatException e) {
                if (!stack.inTentative()) {
                    throw e;
                }
                keepBytes(stack);
            }
        }
    }

    /** Reads one header (and value) or ends one level; false when the data set is done. */
    private boolean step(FrameStack stack) throws IOException {
        Frame f = stack.peek();
        if (f.end >= 0 && in.position() >= f.end) {
            if (in.position() > f.end) {
                throw new DicomFormatException("element runs past the end of its item or sequence at " + f.end,
                        in.position(), f.tag);
            }
            if (f.kind == Frame.Kind.ROOT) {
                return false;
            }
            stack.finish(in.position());
            return true;
        }
        stack.checkWithinTentative(in.position(), 1, f.tag); // an item or sequence without its delimiter
        long start = in.position();
        if (f.kind == Frame.Kind.ROOT) {
            int n = in.readUpTo(hdr, 0, 4);
            if (n == 0) {
                return false;
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
            return false;
        }
        if (f.kind == Frame.Kind.SEQUENCE) {
            items.inSequence(stack, f, tag, start, retain);
        } else if ((tag >>> 16) == 0xFFFE) {
            items.delimiter(stack, f, tag, start);
        } else {
            ElementHeader h = headers.element(f, tag, start);
            if (f.kind == Frame.Kind.ROOT) {
                if (retain && opt.stopBefore().test(tag)) {
                    pending = h;
                    return false;
                }
                seenRootElement = true;
                lastRootTag = tag;
            }
            element(stack, f, h);
        }
        return true;
    }

    private void element(FrameStack stack, Frame f, ElementHeader h) throws IOException {
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
                boolean explicit = !asImplicit && f.explicitVr;
                boolean big = !asImplicit && f.bigEndian;
                stack.pushSequence(streamed(f, tag) ? Frame.streamedSequence(tag, -1, explicit, big, streamedItems,
                        f.dataSet) : Frame.sequence(tag, -1, explicit, big, retain), h.offset());
            } else {
                throw new DicomFormatException("undefined length is not allowed for VR " + vr, h.offset(), tag);
            }
            return;
        }
        values.checkWithin(f, len, tag);
        stack.checkWithinTentative(in.position(), len, tag);
        in.checkAvailable(len, tag);
        if (vr == VR.SQ) {
            long end = in.position() + len;
            stack.pushSequence(streamed(f, tag) ? Frame.streamedSequence(tag, end, f.explicitVr, f.bigEndian,
                    streamedItems, f.dataSet) : Frame.sequence(tag, end, f.explicitVr, f.bigEndian, retain), h.offset());
            return;
        }
        if (!f.explicitVr && vr == VR.UN && retain && len >= 8 && len <= opt.maxValueLength()
                && headers.startsWithItem(len)) {
            if (memory == null) {
                ElementValue v = values.unknownSequence(tag, len, stack.sequenceDepth());
                f.dataSet.put(new DataElement(tag, v instanceof Sequence ? VR.SQ : VR.UN, v));
                return;
            }
            if (stack.canNest()) { // else too deep to be a sequence: the UN bytes below
                stack.pushSequence(Frame.tentativeSequence(tag, in.position(), in.position() + len), h.offset());
                return;
            }
        }
        if (f.explicitVr) {
            if (vr == VR.UN && policy.dictionaryVr(tag) == VR.SQ && len > 0 && len <= opt.maxValueLength()) {
                ElementValue v = values.unknownSequence(tag, len, stack.sequenceDepth());
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

    /** Whether sequence {@code tag} in {@code f} is the top-level one whose items go to the sink. */
    private boolean streamed(Frame f, int tag) {
        return streamedItems != null && retain && f.kind == Frame.Kind.ROOT && tag == streamedTag && memory == null;
    }

    /**
     * The innermost tentative sequence is not one: drop what was read of it and keep its value
     * as the UN bytes that were sent, then go on after it.
     */
    private void keepBytes(FrameStack stack) {
        Frame t = stack.unwindToTentative();
        int from = Math.toIntExact(t.valueStart - memoryStart);
        int to = Math.toIntExact(t.end - memoryStart);
        stack.peek().dataSet.put(new DataElement(t.tag, VR.UN, new InlineBytes(Arrays.copyOfRange(memory, from, to))));
        in.seek(t.end);
    }

    static String tagString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /**
     * Parses the whole of {@link #memory} as the Implicit VR items of sequence {@code tag}, with
     * {@code depth} sequences open around it: the {@link Sequence}, or the bytes as UN when they
     * are not items within that length.
     */
    ElementValue readSequenceValue(int tag, int depth) throws IOException {
        used = true;
        long start = in.position();
        long end = start + memory.length;
        Frame holder = Frame.root(end, false, false, true);
        FrameStack stack = new FrameStack(opt.maxDepth(), depth);
        stack.push(holder);
        stack.pushSequence(Frame.tentativeSequence(tag, start, end), start);
        run(stack);
        return holder.dataSet.get(tag).orElseThrow(() -> new DicomFormatException("not a sequence", start, tag))
                .value();
    }
}
