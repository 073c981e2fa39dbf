package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.Sequence;
import dev.custodian.dicom.data.VR;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The explicit stack of {@link DicomReader}: the data set, items and sequences being read (PS3.5
 * §7.5), with the sequence nesting bounded by {@code maxDepth}. A finished item joins its
 * sequence (or goes to its {@link ItemSink}), a finished sequence its data set or item. Some sequences are <em>tentative</em>: a
 * value of defined length that is only believed to hold items; if it turns out not to, the
 * reader {@linkplain #unwindToTentative() unwinds} to it and keeps its bytes instead.
 */
final class FrameStack {
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final int maxDepth;
    private final Deque<Frame> tentative = new ArrayDeque<>();
    private int sequenceDepth;

    /** @param sequenceDepth sequences already open around what this stack reads */
    FrameStack(int maxDepth, int sequenceDepth) {
        this.maxDepth = maxDepth;
        this.sequenceDepth = sequenceDepth;
    }

    Frame peek() {
        return frames.peek();
    }

    /** Sequences open, counting those around this stack. */
    int sequenceDepth() {
        return sequenceDepth;
    }

    /** Whether one more sequence may be opened. */
    boolean canNest() {
        return sequenceDepth < maxDepth;
    }

    /** Pushes a root or an item. */
    void push(Frame frame) {
        frames.push(frame);
    }

    /** Pushes a sequence; one level too deep is a DicomFormatException at {@code offset}. */
    void pushSequence(Frame sequence, long offset) throws DicomFormatException {
        if (!canNest()) {
            throw new DicomFormatException("sequences nested deeper than " + maxDepth, offset, sequence.tag);
        }
        sequenceDepth++;
        if (sequence.tentative) {
            tentative.push(sequence);
        }
        frames.push(sequence);
    }

    /**
     * Ends the top level at {@code position}: an item joins its sequence, a sequence becomes an
     * element of its parent. A tentative sequence must end exactly at the end of its value.
     * An item of a streamed sequence goes to the sink, whose IOException propagates.
     */
    void finish(long position) throws IOException {
        Frame done = frames.peek();
        if (done.tentative && position != done.end) {
            throw new DicomFormatException("sequence delimiter before the end of the value", position, done.tag);
        }
        frames.pop();
        Frame parent = frames.peek();
        if (done.kind == Frame.Kind.ITEM) {
            if (parent.sink != null) {
                parent.sink.item(parent.owner, done.dataSet);
            } else if (parent.items != null) {
                parent.items.add(done.dataSet);
            }
        } else {
            leave(done);
            if (parent.dataSet != null) {
                parent.dataSet.put(new DataElement(done.tag, VR.SQ, new Sequence(done.items)));
            }
        }
    }

    /** Whether a tentative sequence is open, to unwind to when its value does not parse. */
    boolean inTentative() {
        return !tentative.isEmpty();
    }

    /**
     * Inside a tentative sequence nothing may reach beyond its value: {@code len} bytes from
     * {@code position} must fit (checked before they are read, so that unwinding never goes far back).
     */
    void checkWithinTentative(long position, long len, int tag) throws DicomFormatException {
        Frame t = tentative.peek();
        if (t != null && len > t.end - position) {
            throw new DicomFormatException("length " + len + " goes beyond the end of the value of "
                    + DicomReader.tagString(t.tag) + " (" + (t.end - position) + " bytes left)", position, tag);
        }
    }

    /**
     * Drops every level down to the innermost tentative sequence, and that one, without adding
     * them to anything; returns the tentative sequence. Its parent is then on top.
     */
    Frame unwindToTentative() {
        while (true) {
            Frame f = frames.pop();
            if (f.kind == Frame.Kind.SEQUENCE) {
                leave(f);
                if (f.tentative) {
                    return f;
                }
            }
        }
    }

    private void leave(Frame sequence) {
        sequenceDepth--;
        if (sequence.tentative) {
            tentative.pop();
        }
    }
}
