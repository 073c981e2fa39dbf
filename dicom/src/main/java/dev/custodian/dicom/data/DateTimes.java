package dev.custodian.dicom.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * DA, TM and DT values (PS3.5 §6.2) to java.time. Lenient where real data is: DA accepts the
 * ACR-NEMA form YYYY.MM.DD; TM accepts HH, HHMM, HHMMSS, HHMMSS.F{1,6} and the old HH:MM:SS form;
 * DT ignores a UTC offset suffix (&amp;ZZXX) and fills missing components with their minimum.
 * Anything else gives an empty result rather than an exception.
 */
public final class DateTimes {
    private DateTimes() {
    }

    public static Optional<LocalDate> parseDate(String s) {
        String d = s.trim().replace(".", "");
        if (d.length() != 8 || !digits(d, 0, 8)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(num(d, 0, 4), num(d, 4, 6), num(d, 6, 8)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalTime> parseTime(String s) {
        String t = s.trim().replace(":", "");
        int dot = t.indexOf('.');
        String main = dot < 0 ? t : t.substring(0, dot);
        String frac = dot < 0 ? "" : t.substring(dot + 1);
        if (main.isEmpty() || main.length() > 6 || (main.length() & 1) == 1 || !digits(main, 0, main.length())
                || frac.length() > 6 || !digits(frac, 0, frac.length()) || (dot >= 0 && main.length() != 6)) {
            return Optional.empty();
        }
        try {
            int h = num(main, 0, 2);
            int m = main.length() >= 4 ? num(main, 2, 4) : 0;
            int sec = main.length() == 6 ? Math.min(num(main, 4, 6), 59) : 0;
            int nanos = frac.isEmpty() ? 0 : Integer.parseInt((frac + "000000").substring(0, 6)) * 1000;
            return Optional.of(LocalTime.of(h, m, sec, nanos));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalDateTime> parseDateTime(String s) {
        String dt = s.trim();
        int sign = Math.max(dt.indexOf('+'), dt.indexOf('-'));
        if (sign >= 0) {
            dt = dt.substring(0, sign);
        }
        int dot = dt.indexOf('.');
        String main = dot < 0 ? dt : dt.substring(0, dot);
        if (main.length() < 4 || main.length() > 14 || (main.length() & 1) == 1 || !digits(main, 0, main.length())) {
            return Optional.empty();
        }
        String padded = main + "0101000000".substring(main.length() - 4);
        try {
            LocalDate date = LocalDate.of(num(padded, 0, 4), num(padded, 4, 6), num(padded, 6, 8));
            Optional<LocalTime> time = parseTime(padded.substring(8) + (dot < 0 || main.length() != 14 ? "" : dt.substring(dot)));
            return time.map(date::atTime);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s.substring(from, to));
    }
}
