package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DataSet;
import java.util.ArrayList;
import java.util.List;

/** One level of the reader's explicit stack: the data set, an item or a sequence being read. */
final class Frame {
    enum Kind { ROOT, ITEM, SEQUENCE }

    final Kind kind;
    /** Offset where this level ends, or -1 for an undefined length (ended by a delimiter). */
    final long end;
    final boolean explicitVr;
    final boolean bigEndian;
    /** The data set being filled (ROOT, ITEM); null when values are being discarded. */
    final DataSet dataSet;
    /** The items read so far (SEQUENCE); null when discarding. */
    final List<DataSet> items;
    /** The sequence's tag (SEQUENCE), else the enclosing sequence's tag or -1. */
    final int tag;
    /**
     * A SEQUENCE whose value (defined length, Implicit VR) is only believed to be items, see
     * {@link FrameStack}; {@link #valueStart} is where its value begins.
     */
    final boolean tentative;
    final long valueStart;
    /** Where the items of a streamed SEQUENCE go instead of {@link #items}, else null. */
    final ItemSink sink;
    /** The data set a streamed SEQUENCE belongs to, for {@link #sink}. */
    final DataSet owner;

    private Frame(Kind kind, long end, boolean explicitVr, boolean bigEndian, DataSet dataSet, List<DataSet> items,
                  int tag) {
        this(kind, end, explicitVr, bigEndian, dataSet, items, tag, false, -1, null, null);
    }

    private Frame(Kind kind, long end, boolean explicitVr, boolean bigEndian, DataSet dataSet, List<DataSet> items,
                  int tag, boolean tentative, long valueStart, ItemSink sink, DataSet owner) {
        this.kind = kind;
        this.end = end;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.dataSet = dataSet;
        this.items = items;
        this.tag = tag;
        this.tentative = tentative;
        this.valueStart = valueStart;
        this.sink = sink;
        this.owner = owner;
    }

    static Frame root(long end, boolean explicitVr, boolean bigEndian, boolean retain) {
        return new Frame(Kind.ROOT, end, explicitVr, bigEndian, retain ? new DataSet() : null, null, -1);
    }

    static Frame sequence(int tag, long end, boolean explicitVr, boolean bigEndian, boolean retain) {
        return new Frame(Kind.SEQUENCE, end, explicitVr, bigEndian, null, retain ? new ArrayList<>() : null, tag);
    }

    /** A tentative sequence: the value from {@code start} to {@code end} read as Implicit VR Little Endian items. */
    static Frame tentativeSequence(int tag, long start, long end) {
        return new Frame(Kind.SEQUENCE, end, false, false, null, new ArrayList<>(), tag, true, start, null, null);
    }

    /** A sequence of {@code owner} whose items go to {@code sink} as each ends; it keeps none. */
    static Frame streamedSequence(int tag, long end, boolean explicitVr, boolean bigEndian, ItemSink sink,
                                  DataSet owner) {
        return new Frame(Kind.SEQUENCE, end, explicitVr, bigEndian, null, List.of(), tag, false, -1, sink, owner);
    }

    Frame item(long end, boolean retain) {
        return new Frame(Kind.ITEM, end, explicitVr, bigEndian, retain ? new DataSet() : null, null, tag);
    }
}
