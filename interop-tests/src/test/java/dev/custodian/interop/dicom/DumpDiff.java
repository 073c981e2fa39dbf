package dev.custodian.interop.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two {@link DumpElement} trees (the oracle's and ours) and lists every difference with
 * its path, e.g. {@code (0008,1115)[0].(0008,1150): value "1.2" vs "1.3"}: missing or extra
 * elements, VR, value, number of sequence items, number and content of pixel data fragments.
 *
 * <p>When the VR was not on the wire (Implicit VR Little Endian), each side's VR comes from its
 * own dictionary, and the two may legitimately disagree (private tags, US-or-SS attributes); there
 * the values are compared as little-endian bytes instead, and only a byte difference counts.
 * "??" (DCMTK's unknown implicit VR) is the same as UN.
 */
final class DumpDiff {

    private final boolean vrFromDictionary;
    private final boolean reencoded;
    private final List<String> differences = new ArrayList<>();

    private DumpDiff(boolean vrFromDictionary, boolean reencoded) {
        this.vrFromDictionary = vrFromDictionary;
        this.reencoded = reencoded;
    }

    /**
     * @param vrFromDictionary true when the data set was encoded in Implicit VR, so VRs are
     *                         dictionary guesses rather than data
     */
    static List<String> compare(List<DumpElement> expected, List<DumpElement> actual, boolean vrFromDictionary) {
        DumpDiff diff = new DumpDiff(vrFromDictionary, false);
        diff.compareLists("", expected, actual);
        return List.copyOf(diff.differences);
    }

    /**
     * Compares a data set with a re-encoding of it (another writer, another transfer syntax).
     * Group Length elements (gggg,0000) outside the meta information and Data Set Trailing Padding
     * (FFFC,FFFC) describe the encoding, not the content (PS3.5 §7.2, retired; PS3.10 §7.2), so
     * a writer may recompute, drop or add them; they are left out of this comparison.
     */
    static List<String> compareReencoded(List<DumpElement> expected, List<DumpElement> actual,
                                         boolean vrFromDictionary) {
        DumpDiff diff = new DumpDiff(vrFromDictionary, true);
        diff.compareLists("", expected, actual);
        return List.copyOf(diff.differences);
    }

    private boolean isEncodingDetail(DumpElement e) {
        return reencoded && ((e.tag() & 0xFFFF) == 0 && e.group() != 0x0002 || e.tag() == 0xFFFCFFFC);
    }

    private void compareLists(String path, List<DumpElement> expected, List<DumpElement> actual) {
        Map<Integer, DumpElement> ours = new LinkedHashMap<>();
        for (DumpElement e : actual) {
            if (!isEncodingDetail(e)) {
                ours.put(e.tag(), e);
            }
        }
        for (DumpElement e : expected) {
            if (isEncodingDetail(e)) {
                continue;
            }
            DumpElement other = ours.remove(e.tag());
            String at = path + e.tagString();
            if (other == null) {
                differences.add(at + ": missing (expected " + e + ")");
            } else {
                compareElements(at, e, other);
            }
        }
        for (DumpElement extra : ours.values()) {
            differences.add(path + extra.tagString() + ": unexpected " + extra);
        }
    }

    private void compareElements(String at, DumpElement expected, DumpElement actual) {
        String vrE = normalVr(expected.vr());
        String vrA = normalVr(actual.vr());
        if (expected.isSequence() || actual.isSequence()) {
            compareSequences(at, expected, actual);
            return;
        }
        if (expected.isEncapsulated() || actual.isEncapsulated()) {
            compareFragments(at, expected, actual);
            return;
        }
        if (!vrE.equals(vrA)) {
            if (vrFromDictionary || vrE.equals("UN") || vrA.equals("UN")) {
                // Re-read the bytes of one side (the UN side, whose rendering is exact) as the
                // other side's VR, and compare values there (floats with their tolerance).
                DumpElement from = vrA.equals("UN") ? actual : expected;
                DumpElement to = from == actual ? expected : actual;
                String toVr = normalVr(to.vr());
                String reread = DumpValues.render(toVr, DumpValues.toBytes(normalVr(from.vr()), from.value()),
                        java.nio.ByteOrder.LITTLE_ENDIAN, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (!DumpValues.sameValue(toVr, reread, to.value())) {
                    differences.add(at + ": VR " + vrE + " vs " + vrA + " and values differ: "
                            + expected + " vs " + actual);
                }
            } else {
                differences.add(at + ": VR " + vrE + " vs " + vrA);
            }
            return;
        }
        if (!DumpValues.sameValue(vrE, expected.value(), actual.value())) {
            differences.add(at + ": value differs: " + expected + " vs " + actual);
        }
    }

    private void compareSequences(String at, DumpElement expected, DumpElement actual) {
        if (!expected.isSequence() || !actual.isSequence()) {
            DumpElement sequence = expected.isSequence() ? expected : actual;
            DumpElement other = expected.isSequence() ? actual : expected;
            // A dictionary SQ sent as UN (PS3.5 §6.2.2): one reader kept the bytes, the other read
            // the Implicit VR LE items in them. The same items encode to the same bytes.
            if (normalVr(other.vr()).equals("UN") && !other.isEncapsulated()
                    && Arrays.equals(ImplicitEncoding.items(sequence.items()),
                            DumpValues.toBytes("UN", other.value()))) {
                return; // a defined-length sequence one side's dictionary did not know, same bytes
            }
            differences.add(at + ": sequence vs non-sequence: " + expected + " vs " + actual);
            return;
        }
        if (expected.items().size() != actual.items().size()) {
            differences.add(at + ": " + expected.items().size() + " items vs " + actual.items().size());
        }
        int n = Math.min(expected.items().size(), actual.items().size());
        for (int i = 0; i < n; i++) {
            compareLists(at + "[" + i + "].", expected.items().get(i), actual.items().get(i));
        }
    }

    private void compareFragments(String at, DumpElement expected, DumpElement actual) {
        if (!expected.isEncapsulated() || !actual.isEncapsulated()) {
            differences.add(at + ": encapsulated vs native pixel data: " + expected + " vs " + actual);
            return;
        }
        if (expected.fragments().size() != actual.fragments().size()) {
            differences.add(at + ": " + expected.fragments().size() + " fragments vs " + actual.fragments().size());
            return;
        }
        for (int i = 0; i < expected.fragments().size(); i++) {
            if (!expected.fragments().get(i).equals(actual.fragments().get(i))) {
                differences.add(at + ": fragment " + i + " differs");
            }
        }
    }

    /** DCMTK prints "??" for an unknown implicit VR and "up" for UL offsets in a DICOMDIR. */
    private static String normalVr(String vr) {
        return switch (vr) {
            case "??" -> "UN";
            case "up" -> "UL";
            default -> vr;
        };
    }
}
