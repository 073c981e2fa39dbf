package dev.custodian.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A run's raw values as {@code bench/run.sh} writes them to {@code raw.tsv}: one line per measured
 * value, "repeat scenario target metric value unit load" separated by tabs, after a header line.
 * Scenarios are keys such as {@code ingest:4}, {@code commit:10000:10} or {@code ceiling:durable:1};
 * a metric {@code timeout} holds the cap (seconds) a run was stopped at.
 */
final class RawResults {
    /** One measured value; load is the 1-minute load average when it was taken. */
    record Measurement(int repeat, String scenario, String target, String metric, double value, String unit,
                       double load) {
        Measurement {
            if (scenario.isBlank() || target.isBlank() || metric.isBlank()) {
                throw new IllegalArgumentException("blank key in " + scenario + "/" + target + "/" + metric);
            }
        }
    }

    private final List<Measurement> all;

    RawResults(List<Measurement> all) {
        this.all = List.copyOf(all);
    }

    static RawResults read(Path tsv) throws IOException {
        List<Measurement> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalArgumentException(tsv + " line " + (i + 1) + ": 7 fields expected, got " + f.length);
            }
            rows.add(new Measurement(Integer.parseInt(f[0]), f[1], f[2], f[3], Double.parseDouble(f[4]), f[5],
                    f[6].isEmpty() ? Double.NaN : Double.parseDouble(f[6])));
        }
        return new RawResults(rows);
    }

    List<Measurement> all() {
        return all;
    }

    /** The values of one series, in the order they were measured. */
    List<Double> values(String scenario, String target, String metric) {
        List<Double> v = new ArrayList<>();
        for (Measurement m : all) {
            if (m.scenario().equals(scenario) && m.target().equals(target) && m.metric().equals(metric)) {
                v.add(m.value());
            }
        }
        return v;
    }

    OptionalDouble median(String scenario, String target, String metric) {
        List<Double> v = values(scenario, target, metric);
        return v.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(median(v));
    }

    boolean timedOut(String scenario, String target) {
        return !values(scenario, target, "timeout").isEmpty();
    }

    /** The scenarios whose key starts with prefix, in first-measured order. */
    Set<String> scenarios(String prefix) {
        Set<String> s = new LinkedHashSet<>();
        for (Measurement m : all) {
            if (m.scenario().startsWith(prefix)) {
                s.add(m.scenario());
            }
        }
        return s;
    }

    /** Every (scenario, target, metric) series with its values, in first-measured order. */
    Map<String, List<Measurement>> series() {
        Map<String, List<Measurement>> s = new LinkedHashMap<>();
        for (Measurement m : all) {
            s.computeIfAbsent(m.scenario() + "\t" + m.target() + "\t" + m.metric(), k -> new ArrayList<>()).add(m);
        }
        return s;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("median of nothing");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
