package dev.custodian.server.tools;

import java.time.Duration;
import java.util.Locale;

/** Durations in words for messages: "30 s", "500 ms", "2.5 s". */
final class Durations {
    private Durations() {
    }

    static String words(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
