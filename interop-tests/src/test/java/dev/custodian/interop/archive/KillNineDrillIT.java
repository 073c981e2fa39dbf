package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.Tools;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's kill -9 drill: the server (the shaded jar, its own process, SQLite index) ingests
 * over 4 parallel associations and is killed with SIGKILL at a random moment 0.2–2 s into the
 * ingest, {@value #DEFAULT_CYCLES} times on the same storage and index. After each restart: no
 * temporary file is left; every stored file (read from the storage area) is a whole Part 10 file
 * of an instance sent, its data set byte for byte what was sent, and earlier cycles' files are all
 * still there; as many instances are indexed as files are stored (a sample of the new ones is also
 * fetched over HTTP); every instance answered Success is among them; and a Storage Commitment
 * request with the Checksum check (index row, and file equal to its recorded SHA-256) for
 * everything sent in the cycle commits exactly those held instances and fails the rest with 0112H.
 * At the end one request for everything sent in all cycles commits exactly what is held.
 * {@code -Dcustodian.drill.cycles=N} and {@code -Dcustodian.drill.seed=S} (logged) replay a run;
 * the per-cycle figures are printed and written to {@code target/kill-nine-drill.txt}.
 */
class KillNineDrillIT {
    static final int DEFAULT_CYCLES = 20;
    private static final Path JAR = Tools.ROOT.resolve("server/target/custodian.jar");
    private static final int LANES = 4;
    private static final int PER_LANE = 5_000;
    /** New instances per cycle also fetched over HTTP (all are read from the storage area). */
    private static final int SAMPLE = 10;
    private static final String REQUESTER = "DRILLCMT";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern RECOVERY = Pattern.compile(
            "recovery after an unclean stop: (\\d+) files re-indexed, (\\d+) duplicates and (\\d+) unreadable files "
                    + "removed \\((\\d+) ms");

    /** The figures of one cycle, as the closing note quotes them. */
    record Cycle(int n, long killAtMs, int sent, int succeeded, int indexed, int lost, int tempLeft, long restartMs,
                 String recovery, int committed, int failed, long checkMs) {
        @Override
        public String toString() {
            return String.format("cycle %2d: kill at %4d ms; sent %4d, succeeded %4d, indexed after restart %4d "
                            + "(+%d whole but unacknowledged), lost %d; temp files left %d; restart to HTTP %5d ms%s; "
                            + "committed %4d, failed 0112H %d; checks took %d ms", n, killAtMs, sent, succeeded,
                    indexed, indexed - succeeded, lost, tempLeft, restartMs, recovery, committed, failed, checkMs);
        }
    }

    @Test
    void everyAcknowledgedInstanceSurvivesRepeatedKillNinesAndOnlyHeldInstancesAreCommitted(@TempDir Path dir)
            throws Exception {
        int cycles = Integer.getInteger("custodian.drill.cycles", DEFAULT_CYCLES);
        long seed = Long.getLong("custodian.drill.seed", new Random().nextLong());
        String replay = "replay with -Dcustodian.drill.seed=" + seed + " -Dcustodian.drill.cycles=" + cycles;
        System.out.println("KillNineDrillIT: " + replay);
        assertThat(JAR).as("the shaded jar (mvn package of server)").exists();
        Random random = new Random(seed);
        DrillInstances maker = new DrillInstances(seed, new Random(random.nextLong()));
        int dicomPort = Ports.freePort();
        int httpPort = Ports.freePort();
        int requesterPort = Ports.freePort();
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Path index = Files.createDirectories(dir.resolve("index"));
        Path config = dir.resolve("custodian.json");
        Files.writeString(config, "{ \"DicomAet\": \"CUSTODIAN\", \"DicomPort\": " + dicomPort + ", \"HttpPort\": "
                + httpPort + ", \"StorageDirectory\": \"" + storage + "\", \"IndexDirectory\": \"" + index + "\","
                + " \"StorageCommitmentCheck\": \"Checksum\", \"DicomModalities\": {\"drill\": [\"" + REQUESTER
                + "\", \"127.0.0.1\", " + requesterPort + "]} }");

        Map<String, byte[]> sentEver = new HashMap<>();
        Set<String> held = new HashSet<>(); // SOP Instance UIDs of the stored files, checked byte for byte
        Set<Path> seenFiles = new HashSet<>();
        Set<String> seenIds = new HashSet<>();
        List<Cycle> figures = new ArrayList<>();
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        Process server = null;
        try (CommitmentRequester modality = new CommitmentRequester(REQUESTER, requesterPort, WAIT)) {
            modality.listen();
            server = start(dir, config, 0, dicomPort, httpPort);
            for (int cycle = 1; cycle <= cycles; cycle++) {
                String at = "cycle " + cycle + " (" + replay + ")";
                long killAt = 200 + random.nextInt(1_801);
                DrillIngest ingest = DrillIngest.start(dicomPort, "CUSTODIAN", LANES, PER_LANE, cycle, maker);
                assertThat(ingest.awaitAssociated(30)).as(at).isTrue();
                Process victim = server;
                killer.schedule(victim::destroyForcibly, killAt, TimeUnit.MILLISECONDS).get(30, TimeUnit.SECONDS);
                assertThat(victim.waitFor(30, TimeUnit.SECONDS)).as(at).isTrue();
                assertThat(ingest.awaitEnd(90)).as("%s: every association ended after the kill", at).isTrue();
                assertThat(ingest.refusals).as("%s: C-STORE refusals before the kill", at).isEmpty();
                sentEver.putAll(ingest.sent);
                int tempLeft = TestFiles.filesStartingWith(storage, ".tmp-").size();

                long t0 = System.nanoTime();
                server = start(dir, config, cycle, dicomPort, httpPort);
                long restartMs = (System.nanoTime() - t0) / 1_000_000;

                long t1 = System.nanoTime();
                assertThat(TestFiles.filesStartingWith(storage, ".tmp-")).as("%s: temporary files", at).isEmpty();
                List<Path> files = ArchiveBadInputIT.storedFiles(storage);
                for (Path f : files) {
                    if (!seenFiles.contains(f)) {
                        Part10 p = Part10.read(f);
                        String uid = p.sopInstanceUid();
                        assertThat(sentEver).as("%s: stored file %s was sent", at, f).containsKey(uid);
                        assertThat(TestFiles.sha256(p.dataSet())).as("%s: SHA-256 of the stored data set of %s", at,
                                uid).isEqualTo(TestFiles.sha256(sentEver.get(uid)));
                        assertThat(held.add(uid)).as("%s: %s stored once", at, uid).isTrue();
                        seenFiles.add(f);
                    }
                }
                assertThat(seenFiles).as("%s: earlier cycles' files are still there", at).hasSameSizeAs(files);
                Set<String> ids = ArchiveIngestIT.ids(httpPort, "/instances");
                assertThat(ids).as("%s: earlier cycles' instances are still indexed", at).containsAll(seenIds);
                assertThat(ids).as("%s: every stored file indexed, every indexed instance a file", at)
                        .hasSameSizeAs(files);
                List<String> fresh = new ArrayList<>(ids);
                fresh.removeAll(seenIds);
                Collections.shuffle(fresh, random);
                for (String id : fresh.subList(0, Math.min(SAMPLE, fresh.size()))) {
                    assertServed(httpPort, id, sentEver, at);
                }
                seenIds.addAll(ids);
                Set<String> lost = new TreeSet<>(ingest.acknowledged);
                lost.removeAll(held);
                assertThat(lost).as("%s: acknowledged but not held", at).isEmpty();

                Set<String> heldOfCycle = new HashSet<>(ingest.sent.keySet());
                heldOfCycle.retainAll(held);
                CommitmentReport report = commit(modality, dicomPort, ingest.sent.keySet());
                assertCommittedExactlyHeld(report, heldOfCycle, ingest.sent.keySet(), at);
                long checkMs = (System.nanoTime() - t1) / 1_000_000;

                Cycle c = new Cycle(cycle, killAt, ingest.sent.size(), ingest.acknowledged.size(), heldOfCycle.size(),
                        lost.size(), tempLeft, restartMs, recoveryFigures(dir.resolve("run-" + cycle + ".log")),
                        report.committed().size(), report.failed().size(), checkMs);
                figures.add(c);
                System.out.println("KillNineDrillIT " + c);
            }
            CommitmentReport all = commit(modality, dicomPort, sentEver.keySet());
            assertCommittedExactlyHeld(all, held, sentEver.keySet(), "all cycles (" + replay + ")");
        } finally {
            killer.shutdownNow();
            if (server != null) {
                Tools.stop(server, Duration.ofSeconds(30));
            }
            writeFigures(figures, seed);
        }
    }

    /** Starts run {@code n} of the jar and waits for HTTP (it starts last, after recovery and DICOM). */
    private static Process start(Path dir, Path config, int n, int dicomPort, int httpPort) {
        Path log = dir.resolve("run-" + n + ".log");
        Process p = Tools.start(log, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), config.toString()));
        Ports.awaitListening(dicomPort, p, log);
        Ports.awaitListening(httpPort, p, log);
        return p;
    }

    /** GET /instances/{id}/file is a whole Part 10 file of an instance sent, its data set the bytes sent. */
    private static void assertServed(int http, String id, Map<String, byte[]> sent, String at) throws Exception {
        var r = Http.getBytes(http, "/instances/" + id + "/file");
        assertThat(r.statusCode()).as("%s: file of %s", at, id).isEqualTo(200);
        Part10 got = Part10.of(r.body());
        assertThat(sent).as("%s: served instance %s was sent", at, id).containsKey(got.sopInstanceUid());
        assertThat(TestFiles.sha256(got.dataSet())).as("%s: SHA-256 of the served data set of %s", at, id)
                .isEqualTo(TestFiles.sha256(sent.get(got.sopInstanceUid())));
    }

    private static CommitmentReport commit(CommitmentRequester modality, int port, Set<String> uids) throws Exception {
        List<SopReference> refs = new ArrayList<>();
        new TreeSet<>(uids).forEach(u -> refs.add(new SopReference(Scu.CT, u)));
        Commitment c = modality.request("CUSTODIAN", port, refs);
        assertThat(c.response().get(WAIT.toSeconds(), TimeUnit.SECONDS).status().isSuccess()).isTrue();
        return c.report().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void assertCommittedExactlyHeld(CommitmentReport report, Set<String> held, Set<String> asked,
                                                   String at) {
        Set<String> committed = new HashSet<>();
        report.committed().forEach(r -> committed.add(r.sopInstanceUid()));
        assertThat(committed).as("%s: committed == held", at).containsExactlyInAnyOrderElementsOf(held);
        Set<String> notHeld = new HashSet<>(asked);
        notHeld.removeAll(held);
        Set<String> failed = new HashSet<>();
        for (FailedReference f : report.failed()) {
            assertThat(f.reason()).as("%s: failure reason of %s", at, f.sopInstanceUid())
                    .isEqualTo(FailureReason.NO_SUCH_OBJECT_INSTANCE);
            failed.add(f.sopInstanceUid());
        }
        assertThat(failed).as("%s: failed == sent but not held", at).containsExactlyInAnyOrderElementsOf(notHeld);
    }

    /** "; recovery N ms, R re-indexed, U unreadable removed" from the run's log, or "" if it did not log one. */
    private static String recoveryFigures(Path log) throws Exception {
        Matcher m = RECOVERY.matcher(Files.readString(log));
        if (!m.find()) {
            return "";
        }
        return String.format(" (recovery scan %s ms: %s re-indexed, %s unreadable removed)", m.group(4), m.group(1),
                m.group(3));
    }

    private static void writeFigures(List<Cycle> figures, long seed) throws Exception {
        List<String> lines = new ArrayList<>(List.of("KillNineDrillIT, seed " + seed));
        figures.forEach(c -> lines.add(c.toString()));
        int[] sums = new int[4];
        figures.forEach(c -> {
            sums[0] += c.sent();
            sums[1] += c.succeeded();
            sums[2] += c.indexed();
            sums[3] += c.lost();
        });
        long[] restart = figures.stream().mapToLong(Cycle::restartMs).sorted().toArray();
        lines.add(String.format("total: %d kills; sent %d, succeeded %d, indexed %d, lost %d; restart to HTTP "
                        + "median %d ms, max %d ms", figures.size(), sums[0], sums[1], sums[2], sums[3],
                restart.length == 0 ? 0 : restart[restart.length / 2],
                Arrays.stream(restart).max().orElse(0)));
        System.out.println(String.join("\n", lines));
        Files.write(Path.of("target", "kill-nine-drill.txt"), lines);
    }
}
