package dev.custodian.dicom.data;

import java.math.BigDecimal;

/** Formats doubles as Decimal Strings (DS, PS3.5 §6.2): at most 16 characters. */
final class DecimalStrings {
    private DecimalStrings() {
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("DS cannot hold " + v);
        }
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            String e = String.format("%." + digits + "G", v).replace(" ", "");
            if (e.length() <= 16) {
                return e;
            }
        }
        throw new IllegalArgumentException("DS cannot hold " + v);
    }
}
