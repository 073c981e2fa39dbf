package dev.custodian.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code Report RUN_DIR [BENCHMARKS_MD]}: reads the run's {@code raw.tsv} and {@code meta.tsv}
 * (written by {@code bench/run.sh}) and writes {@code results.md} (machine, command, the one table,
 * peak RSS per scenario, every run's value), {@code commit-latency.png} and {@code ingest.png}
 * beside them. With BENCHMARKS_MD, also publishes the run: its files are copied to the folder
 * {@code bench/} beside that page and the page's text between {@value #BEGIN} and {@value #END} is
 * replaced by the results (without the per-run values, which stay in {@code bench/results.md}).
 */
public final class Report {
    static final String BEGIN = "<!-- latest-results:begin -->";
    static final String END = "<!-- latest-results:end -->";
    private static final String PER_RUN = "<details>";

    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 2) {
            System.err.println("usage: Report RUN_DIR [BENCHMARKS_MD]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args[0]);
        RawResults raw = RawResults.read(dir.resolve("raw.tsv"));
        Map<String, String> meta = meta(dir.resolve("meta.tsv"));
        String when = meta.getOrDefault("started", "?") + (quick(meta) ? ", QUICK smoke run" : "");
        Plots.commitLatency(raw, "Storage Commitment latency (" + when + ")", dir.resolve("commit-latency.png"));
        Plots.ingest(raw, "C-STORE ingest, " + SummaryTable.count(meta.getOrDefault("ingest_n", "?"))
                + " × 0.5 MB (" + when + ")", dir.resolve("ingest.png"));
        String md = markdown(raw, meta);
        Files.writeString(dir.resolve("results.md"), md, StandardCharsets.UTF_8);
        System.out.println(dir.resolve("results.md"));
        if (args.length == 2) {
            publish(dir, md, Path.of(args[1]));
        }
    }

    /** Copies the run's files next to the page and puts its results between the page's markers. */
    static void publish(Path dir, String md, Path page) throws IOException {
        Path folder = page.toAbsolutePath().getParent().resolve("bench");
        Files.createDirectories(folder);
        for (String f : List.of("results.md", "raw.tsv", "meta.tsv", "commit-latency.png", "ingest.png")) {
            Files.copy(dir.resolve(f), folder.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(page + " has no " + BEGIN + " ... " + END + " section");
        }
        String results = md.substring(0, md.indexOf(PER_RUN)).replace("](commit-latency.png)", "](bench/commit-latency.png)")
                .replace("](ingest.png)", "](bench/ingest.png)")
                + "Every run's value: [bench/results.md](bench/results.md) (raw: [bench/raw.tsv](bench/raw.tsv)).\n";
        Files.writeString(page, text.substring(0, begin + BEGIN.length()) + "\n" + results + text.substring(end),
                StandardCharsets.UTF_8);
        System.out.println(page + " updated");
    }

    static String markdown(RawResults raw, Map<String, String> meta) {
        StringBuilder md = new StringBuilder();
        md.append(quick(meta) ? "**Smoke run (`QUICK=1`, small sizes), to be replaced by a full run: "
                + "not a measurement.**\n\n" : "");
        md.append("Command: `").append(meta.getOrDefault("command", "bench/run.sh")).append("`  \n");
        md.append("Run: ").append(meta.getOrDefault("started", "?")).append(", ")
                .append(meta.getOrDefault("duration_s", "?")).append(" s, ").append(meta.getOrDefault("repeats", "?"))
                .append(" repeats (medians below), load average ").append(meta.getOrDefault("load_start", "?"))
                .append(" at start, ").append(meta.getOrDefault("load_end", "?")).append(" at end, git ")
                .append(meta.getOrDefault("git", "?")).append("  \n");
        md.append("Machine: ").append(meta.getOrDefault("cpu", "?")).append(", ").append(meta.getOrDefault("cores", "?"))
                .append(" cores, ").append(meta.getOrDefault("memory", "?")).append(", ")
                .append(meta.getOrDefault("os", "?")).append("; stores and ceilings on ")
                .append(meta.getOrDefault("filesystem", "?")).append("  \n");
        md.append("Versions: Custodian by `./custodian` (extra JVM options: ")
                .append(meta.getOrDefault("custodian_java_opts", "?")).append("), ")
                .append(meta.getOrDefault("java", "?")).append("; ")
                .append(meta.getOrDefault("orthanc", "?")).append(" (SQLite, default `SyncStorageArea`); ")
                .append(meta.getOrDefault("dcmtk", "?")).append("\n\n");
        md.append("| scenario | Custodian | Orthanc | ratio | ceiling | fraction of ceiling | goal | met? |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
        for (SummaryTable.Row r : new SummaryTable(raw, meta).rows()) {
            md.append("| ").append(String.join(" | ", r.scenario(), r.custodian(), r.orthanc(), r.ratio(), r.ceiling(),
                    r.fraction(), r.goal(), r.met())).append(" |\n");
        }
        md.append("\nRatio: Custodian / Orthanc of the row's value (for seconds and MiB, lower is better for "
                + "Custodian). Fraction: Custodian / ceiling (ingest: of the disk's durable-write loop at the same "
                + "concurrency · of the network-only rate). MB = 10^6 bytes, MiB = 2^20.\n\n");
        md.append("![Storage Commitment latency](commit-latency.png)\n![C-STORE ingest](ingest.png)\n\n");
        peakRss(raw, md);
        perRun(raw, md);
        return md.toString();
    }

    private static void peakRss(RawResults raw, StringBuilder md) {
        md.append("Peak RSS (VmHWM, MiB, median) of each server per scenario; the index scenarios use one process "
                + "per target, so each is the peak up to that point:\n\n| scenario | Custodian | Orthanc |\n|---|---:|---:|\n");
        for (String s : raw.scenarios("")) {
            var c = raw.median(s, SummaryTable.CUSTODIAN, "peak_rss");
            var o = raw.median(s, SummaryTable.ORTHANC, "peak_rss");
            if (c.isPresent() || o.isPresent()) {
                md.append("| ").append(s).append(" | ").append(c.isPresent() ? SummaryTable.mib(c.getAsDouble()) : "—")
                        .append(" | ").append(o.isPresent() ? SummaryTable.mib(o.getAsDouble()) : "—").append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void perRun(RawResults raw, StringBuilder md) {
        md.append("<details><summary>Every run's value (raw.tsv)</summary>\n\n"
                + "| scenario | target | metric | unit | values in run order | load averages |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<RawResults.Measurement>> e : raw.series().entrySet()) {
            List<RawResults.Measurement> ms = e.getValue();
            RawResults.Measurement first = ms.get(0);
            md.append("| ").append(first.scenario()).append(" | ").append(first.target()).append(" | ")
                    .append(first.metric()).append(" | ").append(first.unit()).append(" | ")
                    .append(ms.stream().map(m -> String.format(Locale.ROOT, "%.4g", m.value()))
                            .collect(Collectors.joining(" / ")))
                    .append(" | ").append(ms.stream().map(m -> String.format(Locale.ROOT, "%.1f", m.load()))
                            .collect(Collectors.joining(" / "))).append(" |\n");
        }
        md.append("\n</details>\n");
    }

    private static boolean quick(Map<String, String> meta) {
        return "1".equals(meta.get("quick"));
    }

    static Map<String, String> meta(Path tsv) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                m.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return m;
    }
}
