package dev.custodian.dicom.data;

import java.util.Optional;

/**
 * A data element (PS3.5 §7.1): tag, VR and value. Immutable value object; a sequence's items are
 * {@link DataSet}s, which are mutable containers (see {@link DataSet}).
 *
 * <p>VR SQ always carries a {@link Sequence} and a {@link Sequence} always has VR SQ.
 */
public record DataElement(int tag, VR vr, ElementValue value) {
    public DataElement {
        if (vr == null || value == null) {
            throw new IllegalArgumentException("vr and value are required for " + TagFormat.of(tag));
        }
        if ((vr == VR.SQ) != (value instanceof Sequence)) {
            throw new IllegalArgumentException("VR " + vr + " with " + value.getClass().getSimpleName()
                    + " for " + TagFormat.of(tag));
        }
    }

    /** The in-memory bytes, if the value is held in memory. */
    public Optional<InlineBytes> inline() {
        return value instanceof InlineBytes b ? Optional.of(b) : Optional.empty();
    }

    public boolean isSequence() {
        return value instanceof Sequence;
    }

    public boolean isFragments() {
        return value instanceof Fragments;
    }

    /** True for a value of length zero (an empty sequence has no items). */
    public boolean isEmpty() {
        if (value instanceof BinaryValue b) {
            return b.length() == 0;
        }
        return value instanceof Sequence s ? s.items().isEmpty() : ((Fragments) value).fragments().isEmpty();
    }

    @Override
    public String toString() {
        return TagFormat.of(tag) + " " + vr + " " + value;
    }
}
