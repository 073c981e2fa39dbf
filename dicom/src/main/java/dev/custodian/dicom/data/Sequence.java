package dev.custodian.dicom.data;

import java.util.List;

/**
 * The items of a sequence of items (VR SQ, PS3.5 §7.5). The list is unmodifiable; the items are
 * {@link DataSet}s, which are mutable containers owned by the enclosing data set.
 */
public record Sequence(List<DataSet> items) implements ElementValue {
    public Sequence {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }
}
