package dev.custodian.dicom.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Typed views of an element's in-memory value, for the getters of {@link DataSet}. Lenient: bad values give empty results. */
final class ElementValues {
    private ElementValues() {
    }

    static List<String> strings(DataElement e, Supplier<SpecificCharacterSet> charset) {
        if (!(e.value() instanceof InlineBytes b)) {
            return List.of();
        }
        VR vr = e.vr();
        if (vr.isText()) {
            return TextValues.decode(b.bytes(), vr, vr.usesSpecificCharacterSet() ? charset.get() : SpecificCharacterSet.DEFAULT);
        }
        if (vr == VR.OB || vr == VR.UN || vr.unitSize() == 0) {
            return List.of();
        }
        byte[] raw = b.bytes();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < BinaryValues.count(vr, raw.length); i++) {
            out.add(isFloat(vr) ? Double.toString(BinaryValues.doubleAt(raw, vr, i))
                    : vr == VR.UL || vr == VR.UV ? Long.toUnsignedString(BinaryValues.longAt(raw, vr, i))
                    : Long.toString(BinaryValues.longAt(raw, vr, i)));
        }
        return out;
    }

    static long[] longs(DataElement e) {
        if (!(e.value() instanceof InlineBytes b)) {
            return new long[0];
        }
        if (e.vr().isText()) {
            List<String> texts = strings(e, () -> SpecificCharacterSet.DEFAULT);
            long[] out = new long[texts.size()];
            try {
                for (int i = 0; i < out.length; i++) {
                    double d = Double.parseDouble(texts.get(i));
                    if (d != Math.rint(d) || Math.abs(d) > 0x1p62) {
                        return new long[0];
                    }
                    out[i] = (long) d;
                }
            } catch (NumberFormatException ex) {
                return new long[0];
            }
            return out;
        }
        if (e.vr().unitSize() == 0 || isFloat(e.vr())) {
            return new long[0];
        }
        byte[] raw = b.bytes();
        long[] out = new long[BinaryValues.count(e.vr(), raw.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = BinaryValues.longAt(raw, e.vr(), i);
        }
        return out;
    }

    static double[] doubles(DataElement e) {
        if (!(e.value() instanceof InlineBytes b)) {
            return new double[0];
        }
        if (e.vr().isText()) {
            try {
                return strings(e, () -> SpecificCharacterSet.DEFAULT).stream().mapToDouble(Double::parseDouble).toArray();
            } catch (NumberFormatException ex) {
                return new double[0];
            }
        }
        if (e.vr().unitSize() == 0) {
            return new double[0];
        }
        byte[] raw = b.bytes();
        double[] out = new double[BinaryValues.count(e.vr(), raw.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = BinaryValues.doubleAt(raw, e.vr(), i);
        }
        return out;
    }

    private static boolean isFloat(VR vr) {
        return vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD;
    }
}
