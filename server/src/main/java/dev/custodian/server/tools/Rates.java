package dev.custodian.server.tools;

import java.util.Locale;

/** Counts of a store in progress, in words: "120/300 files, 4.0/10.0 MB, 85 instances/s, ETA 2 s". */
record Rates(int filesDone, int files, long bytesDone, long bytes, long elapsedNanos) {
    double instancesPerSecond() {
        return elapsedNanos <= 0 ? 0 : filesDone * 1e9 / elapsedNanos;
    }

    /** Seconds left at the byte rate so far; -1 when unknown. */
    long etaSeconds() {
        if (bytesDone <= 0 || elapsedNanos <= 0) {
            return -1;
        }
        double perByte = elapsedNanos / 1e9 / bytesDone;
        return Math.round((bytes - bytesDone) * perByte);
    }

    /** "120/300 files, 85 instances/s" (the bar shows MB and ETA itself). */
    String counts() {
        return String.format(Locale.ROOT, "%d/%d files, %.0f instances/s", filesDone, files, instancesPerSecond());
    }

    String line() {
        long eta = etaSeconds();
        return String.format(Locale.ROOT, "%d/%d files, %.1f/%.1f MB, %.0f instances/s%s", filesDone, files,
                bytesDone / 1_048_576.0, bytes / 1_048_576.0, instancesPerSecond(),
                eta < 0 || filesDone == files ? "" : ", ETA " + eta + " s");
    }
}
