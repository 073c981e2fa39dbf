package dev.custodian.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTableTest {
    private final List<RawResults.Measurement> rows = new ArrayList<>();

    private void add(int repeat, String scenario, String target, String metric, double value) {
        rows.add(new RawResults.Measurement(repeat, scenario, target, metric, value, "u", 1.0));
    }

    private SummaryTable.Row row(Map<String, String> meta, String startsWith) {
        return new SummaryTable(new RawResults(rows), meta).rows().stream()
                .filter(r -> r.scenario().startsWith(startsWith)).findFirst().orElseThrow();
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(RawResults.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(RawResults.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThatThrownBy(() -> RawResults.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ingestGoalNeedsBothTheRatioAndHalfTheDiskCeiling() {
        for (int r = 1; r <= 3; r++) {
            add(r, "ingest:4", "custodian", "rate", 400 + r);   // median 402
            add(r, "ingest:4", "orthanc", "rate", 200);
            add(r, "ceiling:durable:4", "machine", "rate", 1000);
            add(r, "ingest:4", "discard", "rate", 1600);
        }
        SummaryTable.Row row = row(Map.of("ingest_n", "2000"), "C-STORE ingest, 2,000");
        assertThat(row.custodian()).isEqualTo("402.0");
        assertThat(row.ratio()).isEqualTo("2.01×");
        assertThat(row.fraction()).isEqualTo("0.40 · 0.25");
        assertThat(row.met()).isEqualTo("no (disk)");
    }

    @Test
    void commitTimeoutIsShownAsALowerBoundAndTheGoalIsJudgedAtItsSizeOnly() {
        add(1, "commit:10000:0", "custodian", "seconds", 0.9);
        add(1, "commit:10000:0", "orthanc", "timeout", 120);
        add(1, "commit:1000:0", "custodian", "seconds", 0.2);
        add(1, "commit:1000:0", "orthanc", "seconds", 7.5);
        SummaryTable.Row big = row(Map.of(), "Storage Commitment, 10,000 instances");
        assertThat(big.orthanc()).isEqualTo("timeout > 120 s");
        assertThat(big.ratio()).isEqualTo("< 0.008×");
        assertThat(big.goal()).isEqualTo("< 1 s");
        assertThat(big.met()).isEqualTo("yes");
        SummaryTable.Row small = row(Map.of(), "Storage Commitment, 1,000 instances");
        assertThat(small.goal()).isEqualTo("—");
        SummaryTable.Row growth = row(Map.of(), "Storage Commitment, time ×");
        assertThat(growth.custodian()).isEqualTo("4.50×");
        assertThat(growth.orthanc()).isEqualTo("—");
        assertThat(growth.met()).isEqualTo("yes");
    }

    @Test
    void rssGoalsUseMegabytesAndApplyOnlyAtTheirSize() {
        add(1, "big", "custodian", "seconds", 0.7);
        add(1, "big", "custodian", "peak_rss", 125);       // MiB: 131 MB, over 128 MB
        add(1, "rss-rest", "custodian", "rss", 140);
        assertThat(row(Map.of("big_mb", "200"), "1 × 200 MiB instance, peak RSS").met()).isEqualTo("no");
        assertThat(row(Map.of("rest_n", "10000"), "RSS at rest").met()).isEqualTo("yes");
        assertThat(row(Map.of("rest_n", "1000"), "RSS at rest").goal()).isEqualTo("—");
    }

    @Test
    void readsWhatRunShWritesAndRejectsAShortLine(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("raw.tsv");
        Files.writeString(tsv, "repeat\tscenario\ttarget\tmetric\tvalue\tunit\tload\n"
                + "1\tingest:1\tcustodian\trate\t234.5\tinst/s\t1.2\n");
        assertThat(RawResults.read(tsv).median("ingest:1", "custodian", "rate")).hasValue(234.5);
        Files.writeString(tsv, "header\n1\tingest:1\tcustodian\n");
        assertThatThrownBy(() -> RawResults.read(tsv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
