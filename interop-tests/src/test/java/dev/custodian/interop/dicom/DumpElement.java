package dev.custodian.interop.dicom;

import java.util.List;
import java.util.Objects;

/**
 * One data element as the dcmdump oracle sees it, in a form both sides (DCMTK's dump and our
 * DataSet) are rendered into so that they can be compared: tag, VR as printed ("??" for
 * an implicit element DCMTK does not know), the value rendered the way dcmdump renders it
 * (see {@link DumpValues}), and — for sequences — the items, or — for encapsulated pixel
 * data (PS3.5 §A.4) — the fragments (the first is the Basic Offset Table).
 *
 * @param tag the tag as (group << 16 | element)
 * @param vr two-letter VR, or "??"
 * @param value rendered value; "" for an empty value, a sequence or encapsulated pixel data
 * @param items items of a sequence (each a list of elements), or null when not a sequence
 * @param fragments fragments of encapsulated pixel data rendered as hex bytes, or null
 */
record DumpElement(int tag, String vr, String value, List<List<DumpElement>> items, List<String> fragments) {

    DumpElement {
        Objects.requireNonNull(vr, "vr");
        Objects.requireNonNull(value, "value");
        items = items == null ? null : items.stream().map(List::copyOf).toList();
        fragments = fragments == null ? null : List.copyOf(fragments);
    }

    static DumpElement of(int tag, String vr, String value) {
        return new DumpElement(tag, vr, value, null, null);
    }

    boolean isSequence() {
        return items != null;
    }

    boolean isEncapsulated() {
        return fragments != null;
    }

    int group() {
        return tag >>> 16;
    }

    String tagString() {
        return String.format("(%04x,%04x)", tag >>> 16, tag & 0xFFFF);
    }

    @Override
    public String toString() {
        String shown = value.length() > 80 ? value.substring(0, 80) + "...(" + value.length() + " chars)" : value;
        if (isSequence()) {
            shown = "SQ #items=" + items.size();
        } else if (isEncapsulated()) {
            shown = "encapsulated #fragments=" + fragments.size();
        }
        return tagString() + " " + vr + " " + shown;
    }
}
