package dev.custodian.dicom.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Encapsulated pixel data (PS3.5 §A.4): the Basic Offset Table (the value of the first item, may be
 * empty) and the fragments that follow it, each in memory or as bulk data. Never decoded: the
 * compressed bytes pass through unchanged. Immutable (the offset table array is copied).
 */
public record Fragments(byte[] offsetTable, List<BinaryValue> fragments) implements ElementValue {
    public Fragments {
        offsetTable = offsetTable == null ? new byte[0] : offsetTable.clone();
        fragments = List.copyOf(fragments);
    }

    @Override
    public byte[] offsetTable() {
        return offsetTable.clone();
    }

    public int offsetTableLength() {
        return offsetTable.length;
    }

    public int size() {
        return fragments.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fragments f && Arrays.equals(offsetTable, f.offsetTable) && fragments.equals(f.fragments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(offsetTable), fragments);
    }

    @Override
    public String toString() {
        return "Fragments[offsetTable=" + offsetTable.length + " bytes, " + fragments.size() + " fragments]";
    }
}
