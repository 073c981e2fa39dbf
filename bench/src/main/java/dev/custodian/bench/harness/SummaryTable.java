package dev.custodian.bench.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * The one results table: a row per scenario with Custodian's and Orthanc's medians, their ratio,
 * the machine's ceiling for it, Custodian's fraction of that ceiling and the goal issue 15 holds
 * the project to. Goals tied to a size (10,000 instances, 200 MB) are judged only when the run used
 * that size, so a QUICK run shows them as not measured instead of pretending.
 */
final class SummaryTable {
    static final String CUSTODIAN = "custodian";
    static final String ORTHANC = "orthanc";
    static final String DISCARD = "discard";
    static final String MACHINE = "machine";
    /** Linear within noise: ten times the instances may take at most this many times as long. */
    static final double LINEAR_GROWTH = 12;
    private static final String NONE = "—";

    /** One table row, every cell already formatted. */
    record Row(String scenario, String custodian, String orthanc, String ratio, String ceiling, String fraction,
               String goal, String met) {}

    private final RawResults raw;
    private final Map<String, String> meta;
    private final List<Row> rows = new ArrayList<>();

    SummaryTable(RawResults raw, Map<String, String> meta) {
        this.raw = raw;
        this.meta = meta;
    }

    List<Row> rows() {
        rows.clear();
        ingest(1, 1.5);
        ingest(4, 2.0);
        big();
        commitments();
        growth();
        rest("instances", "GET /instances");
        rest("studies-expand", "GET /studies?expand");
        rssAtRest();
        ceilings();
        return List.copyOf(rows);
    }

    private void ingest(int assocs, double factor) {
        String key = "ingest:" + assocs;
        OptionalDouble c = raw.median(key, CUSTODIAN, "rate");
        OptionalDouble o = raw.median(key, ORTHANC, "rate");
        OptionalDouble disk = raw.median("ceiling:durable:" + assocs, MACHINE, "rate");
        OptionalDouble net = raw.median(key, DISCARD, "rate");
        if (c.isEmpty() && o.isEmpty()) {
            return;
        }
        String ceiling = cell(disk, SummaryTable::rate) + " disk · " + cell(net, SummaryTable::rate) + " net";
        String fraction = cell(div(c, disk), SummaryTable::fraction) + " · " + cell(div(c, net), SummaryTable::fraction);
        Boolean ratioMet = judge(div(c, o), r -> r >= factor);
        Boolean diskMet = judge(div(c, disk), f -> f >= 0.5);
        String met = ratioMet == null || diskMet == null ? NONE
                : ratioMet && diskMet ? "yes" : "no (" + (ratioMet ? "" : "ratio") + (!ratioMet && !diskMet ? ", " : "")
                + (diskMet ? "" : "disk") + ")";
        rows.add(new Row(String.format(Locale.ROOT, "C-STORE ingest, %s × 0.5 MB, %d association%s (inst/s)",
                count(meta.getOrDefault("ingest_n", "?")), assocs, assocs == 1 ? "" : "s"),
                cell(c, SummaryTable::rate), cell(o, SummaryTable::rate), cell(div(c, o), SummaryTable::ratio), ceiling,
                fraction, String.format(Locale.ROOT, "≥ %.1f× Orthanc, ≥ 0.5 of disk", factor), met));
    }

    private void big() {
        OptionalDouble cs = raw.median("big", CUSTODIAN, "seconds");
        OptionalDouble os = raw.median("big", ORTHANC, "seconds");
        if (cs.isEmpty() && os.isEmpty()) {
            return;
        }
        String mb = meta.getOrDefault("big_mb", "?");
        boolean goalSize = mb.equals("200");
        rows.add(new Row("1 × " + mb + " MiB instance, time (s)", cell(cs, SummaryTable::seconds),
                cell(os, SummaryTable::seconds), cell(div(cs, os), SummaryTable::ratio), NONE, NONE, NONE, NONE));
        OptionalDouble c = raw.median("big", CUSTODIAN, "rate");
        OptionalDouble seq = raw.median("ceiling:sequential", MACHINE, "rate");
        rows.add(new Row("1 × " + mb + " MiB instance, throughput (MiB/s)", cell(c, SummaryTable::rate),
                cell(raw.median("big", ORTHANC, "rate"), SummaryTable::rate),
                cell(div(c, raw.median("big", ORTHANC, "rate")), SummaryTable::ratio),
                cell(seq, SummaryTable::rate) + " sequential", cell(div(c, seq), SummaryTable::fraction),
                "≥ 0.5 of sequential write", yesNo(judge(div(c, seq), f -> f >= 0.5))));
        OptionalDouble cr = raw.median("big", CUSTODIAN, "peak_rss");
        OptionalDouble or = raw.median("big", ORTHANC, "peak_rss");
        rows.add(new Row("1 × " + mb + " MiB instance, peak RSS (MiB)", cell(cr, SummaryTable::mib),
                cell(or, SummaryTable::mib), cell(div(cr, or), SummaryTable::ratio), NONE, NONE,
                goalSize ? "< 128 MB (122.1 MiB)" : NONE,
                goalSize ? yesNo(judge(cr, r -> r < 128e6 / 1048576)) : NONE));
    }

    private void commitments() {
        List<String> keys = new ArrayList<>(raw.scenarios("commit:"));
        keys.sort(Comparator.comparingInt((String k) -> commitN(k)).thenComparingInt(SummaryTable::commitMissing));
        for (String key : keys) {
            int n = commitN(key);
            int missing = commitMissing(key);
            OptionalDouble c = raw.median(key, CUSTODIAN, "seconds");
            OptionalDouble o = raw.median(key, ORTHANC, "seconds");
            Double goal = n == 10_000 ? Double.valueOf(1) : n == 100_000 ? Double.valueOf(10) : null;
            String ratio = raw.timedOut(key, ORTHANC) && c.isPresent() && !raw.timedOut(key, CUSTODIAN)
                    ? "< " + ratio(c.getAsDouble() / cap(key, ORTHANC)) : cell(div(c, o), SummaryTable::ratio);
            rows.add(new Row(String.format(Locale.ROOT, "Storage Commitment, %s instances, %s (s)", count(n),
                    missing == 0 ? "all present" : missing + " % missing"), commitCell(key, CUSTODIAN, c),
                    commitCell(key, ORTHANC, o), ratio, NONE, NONE,
                    goal == null ? NONE : String.format(Locale.ROOT, "< %.0f s", goal),
                    goal == null ? NONE : raw.timedOut(key, CUSTODIAN) ? "no" : yesNo(judge(c, s -> s < goal))));
        }
    }

    /** Time growth for ten times the instances, all present: linear means at most ~10×. */
    private void growth() {
        List<Integer> sizes = raw.scenarios("commit:").stream().filter(k -> commitMissing(k) == 0)
                .map(SummaryTable::commitN).sorted().toList();
        for (int i = 0; i + 1 < sizes.size(); i++) {
            int from = sizes.get(i);
            int to = sizes.get(i + 1);
            if (to != 10 * from) {
                continue;
            }
            OptionalDouble c = div(raw.median("commit:" + to + ":0", CUSTODIAN, "seconds"),
                    raw.median("commit:" + from + ":0", CUSTODIAN, "seconds"));
            OptionalDouble o = div(raw.median("commit:" + to + ":0", ORTHANC, "seconds"),
                    raw.median("commit:" + from + ":0", ORTHANC, "seconds"));
            rows.add(new Row(String.format(Locale.ROOT, "Storage Commitment, time × from %s to %s instances",
                    count(from), count(to)), cell(c, SummaryTable::ratio), cell(o, SummaryTable::ratio), NONE, NONE,
                    NONE, String.format(Locale.ROOT, "linear: ≤ %.0f×", LINEAR_GROWTH),
                    yesNo(judge(c, g -> g <= LINEAR_GROWTH))));
        }
    }

    private void rest(String what, String label) {
        String key = "rest:" + what;
        OptionalDouble c = raw.median(key, CUSTODIAN, "seconds");
        OptionalDouble o = raw.median(key, ORTHANC, "seconds");
        if (c.isEmpty() && o.isEmpty()) {
            return;
        }
        rows.add(new Row("REST " + label + ", " + count(meta.getOrDefault("rest_n", "?")) + " instances (ms)",
                cell(c, SummaryTable::millis), cell(o, SummaryTable::millis), cell(div(c, o), SummaryTable::ratio), NONE,
                NONE, NONE, NONE));
    }

    private void rssAtRest() {
        OptionalDouble c = raw.median("rss-rest", CUSTODIAN, "rss");
        OptionalDouble o = raw.median("rss-rest", ORTHANC, "rss");
        if (c.isEmpty() && o.isEmpty()) {
            return;
        }
        String n = meta.getOrDefault("rest_n", "?");
        boolean goalSize = n.equals("10000");
        rows.add(new Row("RSS at rest, " + count(n) + " instances indexed (MiB)", cell(c, SummaryTable::mib),
                cell(o, SummaryTable::mib), cell(div(c, o), SummaryTable::ratio), NONE, NONE,
                goalSize ? "< 150 MB (143.1 MiB)" : NONE,
                goalSize ? yesNo(judge(c, r -> r < 150e6 / 1048576)) : NONE));
    }

    private void ceilings() {
        for (int t : new int[] {1, 4}) {
            ceiling("ceiling: durable write of one 0.5 MB file, " + t + " thread" + (t == 1 ? "" : "s") + " (files/s)",
                    raw.median("ceiling:durable:" + t, MACHINE, "rate"));
        }
        ceiling("ceiling: sequential write of " + meta.getOrDefault("big_mb", "?") + " MiB + fsync (MiB/s)",
                raw.median("ceiling:sequential", MACHINE, "rate"));
        for (int a : new int[] {1, 4}) {
            ceiling("ceiling: network only (DiscardScp), " + a + " association" + (a == 1 ? "" : "s") + " (inst/s)",
                    raw.median("ingest:" + a, DISCARD, "rate"));
        }
    }

    private void ceiling(String label, OptionalDouble value) {
        if (value.isPresent()) {
            rows.add(new Row(label, NONE, NONE, NONE, rate(value.getAsDouble()), NONE, NONE, NONE));
        }
    }

    private String commitCell(String key, String target, OptionalDouble median) {
        if (raw.timedOut(key, target)) {
            return String.format(Locale.ROOT, "timeout > %.0f s", cap(key, target));
        }
        if (!raw.values(key, target, "error").isEmpty()) {
            return "failed";
        }
        return cell(median, SummaryTable::seconds);
    }

    private double cap(String key, String target) {
        return raw.values(key, target, "timeout").get(0);
    }

    static int commitN(String key) {
        return Integer.parseInt(key.split(":")[1]);
    }

    static int commitMissing(String key) {
        return Integer.parseInt(key.split(":")[2]);
    }

    private static OptionalDouble div(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() && b.getAsDouble() != 0
                ? OptionalDouble.of(a.getAsDouble() / b.getAsDouble()) : OptionalDouble.empty();
    }

    private static Boolean judge(OptionalDouble v, java.util.function.DoublePredicate ok) {
        return v.isPresent() ? ok.test(v.getAsDouble()) : null;
    }

    private static String yesNo(Boolean met) {
        return met == null ? NONE : met ? "yes" : "no";
    }

    private static String cell(OptionalDouble v, DoubleFunction<String> format) {
        return v.isPresent() ? format.apply(v.getAsDouble()) : NONE;
    }

    static String count(Object n) {
        try {
            return String.format(Locale.ROOT, "%,d", Long.parseLong(n.toString()));
        } catch (NumberFormatException e) {
            return n.toString();
        }
    }

    static String rate(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String seconds(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String millis(double v) {
        return String.format(Locale.ROOT, "%.1f", v * 1000);
    }

    static String mib(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, v < 0.1 ? "%.3f×" : "%.2f×", v);
    }

    static String fraction(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
