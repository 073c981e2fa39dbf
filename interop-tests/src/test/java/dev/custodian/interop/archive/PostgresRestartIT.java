package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.LogCapture;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.PrivatePostgres;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.Tools;
import dev.custodian.server.index.OrthancIds;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentReport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill: the PostgreSQL server holding the index and the jobs (a private one, started by
 * the test) goes away under load — {@code pg_ctl restart -m fast}, and SIGKILL of the postmaster
 * followed by a new start — while four associations send C-STOREs and a modality asks for
 * Storage Commitment every 100 ms, and REST submits a store job of the study to DCMTK storescp
 * every 700 ms. Requests in flight fail cleanly (a failure status or the end
 * of their association, never Success without the instance indexed); the same server process
 * goes on once PostgreSQL is back; every failed instance then stores; every instance answered
 * Success is indexed and intact; every accepted commitment is reported exactly once, by one job
 * that completed once; every store job submitted succeeds, once, and the peer holds what it sent;
 * failures are logged one line each, without stack traces.
 */
class PostgresRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern JOB_SUCCESS = Pattern.compile("^job (\\S+) \\((\\S+)\\): Running -> Success");

    @FunctionalInterface
    interface Disruption {
        void apply(PrivatePostgres pg) throws Exception;
    }

    @Test
    void aFastRestartUnderLoadLosesNothingAndReportsEachCommitmentOnce(@TempDir Path dir) throws Exception {
        drill(dir, "pg_ctl restart -m fast", PrivatePostgres::restartFast);
    }

    @Test
    void aKilledPostmasterUnderLoadLosesNothingAndReportsEachCommitmentOnce(@TempDir Path dir) throws Exception {
        drill(dir, "kill -9 of the postmaster", PrivatePostgres::killAndStart);
    }

    private void drill(Path dir, String name, Disruption disruption) throws Exception {
        int port = Ports.freePort();
        int requesterPort = Ports.freePort();
        int peerPort = Ports.freePort();
        Path received = java.nio.file.Files.createDirectories(dir.resolve("peer"));
        Process peer = Tools.start(dir.resolve("storescp.log"), List.of("storescp", "--bit-preserving", "-aet", "PEER",
                "--output-directory", received.toString(), Integer.toString(peerPort)));
        List<String> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(t.getName() + ": " + e));
        try (PrivatePostgres pg = PrivatePostgres.start(); LogCapture log = new LogCapture()) {
            String config = "\"DicomPort\": " + port + ", " + pg.createDatabase("custodian")
                    + ", \"JobsHistorySize\": 100000, \"ConcurrentJobs\": 4, \"StorageCommitmentRetryInitialDelay\": 200"
                    + ", \"StorageCommitmentRetryMaximumDelay\": 1000"
                    + ", \"DicomModalities\": {\"m\": [\"MODALITY\", \"127.0.0.1\", " + requesterPort + "],"
                    + " \"peer\": [\"PEER\", \"127.0.0.1\", " + peerPort + "]}";
            try (ArchiveServer server = new ArchiveServer(dir, config);
                 CommitmentRequester modality = new CommitmentRequester("MODALITY", requesterPort, WAIT);
                 Scu scu = new Scu("MODALITY");
                 DrillLoad load = new DrillLoad(port, scu, modality, 4, Duration.ofMillis(100))) {
                modality.listen();
                Ports.awaitListening(peerPort, peer, dir.resolve("storescp.log"));
                load.start();
                Awaitility.await("load under way").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                        .until(() -> load.storesSucceededAfter(0) >= 100 && load.commitmentsAcceptedAfter(0) >= 5);
                load.storeJobsTo(server.httpPort(), "peer", Duration.ofMillis(700));
                Awaitility.await("a store job running").atMost(WAIT).pollInterval(Duration.ofMillis(20))
                        .until(() -> load.storeJobs.keySet().stream().anyMatch(id -> isRunning(server, id)));

                long down = System.nanoTime();
                disruption.apply(pg);
                long back = System.nanoTime();
                Awaitility.await("C-STORE and Storage Commitment accepted again").atMost(WAIT)
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> load.storesSucceededAfter(back) >= 100 && load.commitmentsAcceptedAfter(back) >= 5);
                long firstStoreAfter = load.stores.values().stream().filter(o -> o.success() && o.nanos() > back)
                        .mapToLong(DrillLoad.Outcome::nanos).min().orElseThrow();
                load.stop();
                assertThat(Http.get(server.httpPort(), "/system").statusCode()).isEqualTo(200);

                Map<String, DrillLoad.Outcome> failed = new HashMap<>();
                load.stores.forEach((uid, o) -> {
                    if (!o.success()) {
                        failed.put(uid, o);
                    }
                });
                Map<String, Long> byStatus = new HashMap<>();
                failed.values().forEach(o -> byStatus.merge(String.format("%04X", o.status() & 0xFFFF), 1L, Long::sum));
                assertThat(failed.values()).as("C-STOREs answered other than Success, A700 or 0110, or aborted")
                        .allSatisfy(o -> assertThat(o.status()).isIn(-1, 0xA700, 0x0110));
                int succeeded = load.stores.size() - failed.size();
                assertEverySuccessIndexedAndIntact(server, load, failed.keySet());

                for (String uid : failed.keySet()) {
                    assertThat(load.storeAgain(uid)).as("C-STORE of %s again after %s", uid, failed.get(uid))
                            .isZero();
                }
                assertEverySuccessIndexedAndIntact(server, load, Set.of());
                assertThat(instanceCount(server)).as("instances indexed").isEqualTo(load.sent.size());

                CommitmentTally tally = assertEachAcceptedCommitmentReportedOnce(server, modality, load);
                int storeJobs = assertEveryStoreJobSucceededAndThePeerHoldsItsInstances(server, load, received);
                assertNoJobCompletedTwice(log);

                long answeredDuring = load.stores.values().stream()
                        .filter(o -> o.nanos() >= down && o.nanos() <= back).count();
                List<String> traces = log.warningsWithStackTraces();
                List<String> warnings = log.warnings();
                System.out.printf("%s: PostgreSQL back after %d ms (%d C-STOREs answered meanwhile); first C-STORE "
                                + "Success %d ms later; %d instances (%d Success at once, %d failed cleanly %s, all stored on retry); "
                                + "%d commitment requests (%d accepted, %d refused %s, %d without answer), "
                                + "%d jobs; %d store jobs to storescp (%d submissions refused); "
                                + "%d WARN/ERROR lines, %d with a stack trace%n",
                        name, (back - down) / 1_000_000, answeredDuring, (firstStoreAfter - back) / 1_000_000,
                        load.sent.size(),
                        succeeded, failed.size(), byStatus, tally.requests, tally.accepted, tally.refused,
                        tally.refusedByStatus, tally.unanswered, tally.jobs, storeJobs,
                        load.storeJobs.size() - storeJobs, warnings.size(), traces.size());
                warnings.forEach(w -> System.out.println("  " + w));
                failed.forEach((uid, o) -> System.out.println("  failed " + uid + ": " + String.format("%04X",
                        o.status() & 0xFFFF) + " " + o.detail()));
                assertThat(uncaught).as("threads killed by an uncaught exception").isEmpty();
                // HikariCP logs each connection it finds broken with the driver's stack trace (at most
                // one per pooled connection): the library's own, not a line per request
                assertThat(traces).as("failures logged with stack traces")
                        .allMatch(t -> t.startsWith("WARN com.zaxxer.hikari.pool.ProxyConnection - "));
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
            Tools.stop(peer, Duration.ofSeconds(5));
        }
    }

    /**
     * Every store job submitted ends in Success, once; storescp holds, intact, at least as many
     * instances as the largest job sent. Returns how many jobs were submitted.
     */
    private static int assertEveryStoreJobSucceededAndThePeerHoldsItsInstances(ArchiveServer server, DrillLoad load,
            Path received) throws Exception {
        List<String> ids = load.storeJobs.entrySet().stream().filter(e -> e.getValue() == 200).map(Map.Entry::getKey)
                .toList();
        assertThat(ids).as("store jobs submitted").isNotEmpty();
        assertThat(load.storeJobs.values()).as("REST answers to a store job submission").allMatch(c -> c == 200
                || c >= 500 || c == -1);
        int largest = 0;
        for (String id : ids) {
            JsonNode job = CommitmentRest.awaitJob(server.httpPort(), id, "Success", WAIT);
            assertThat(job.get("Content").get("FailedInstancesCount").asInt()).as("job %s", id).isZero();
            largest = Math.max(largest, job.get("Content").get("InstancesCount").asInt());
        }
        List<Path> files = TestFiles.filesIn(received);
        assertThat(files.size()).as("instances at the peer").isGreaterThanOrEqualTo(largest);
        for (Path f : files) {
            Part10 got = Part10.read(f);
            assertThat(got.dataSet()).as("%s at the peer", got.sopInstanceUid())
                    .isEqualTo(load.sent.get(got.sopInstanceUid()));
        }
        return ids.size();
    }

    /** Every instance answered Success is indexed, its file the data set sent byte for byte. */
    private static void assertEverySuccessIndexedAndIntact(ArchiveServer server, DrillLoad load, Set<String> except)
            throws Exception {
        for (Map.Entry<String, byte[]> e : load.sent.entrySet()) {
            if (except.contains(e.getKey())) {
                continue;
            }
            String id = OrthancIds.instance(load.patientId(), load.studyUid(), load.seriesUid(), e.getKey());
            HttpResponse<byte[]> file = Http.getBytes(server.httpPort(), "/instances/" + id + "/file");
            assertThat(file.statusCode()).as("instance %s answered Success, not indexed", e.getKey()).isEqualTo(200);
            assertThat(TestFiles.sha256(Part10.of(file.body()).dataSet())).as("instance %s intact", e.getKey())
                    .isEqualTo(TestFiles.sha256(e.getValue()));
        }
    }

    private static boolean isRunning(ArchiveServer server, String jobId) {
        try {
            HttpResponse<String> r = Http.get(server.httpPort(), "/jobs/" + jobId);
            return r.statusCode() == 200 && CommitmentRest.JSON.readTree(r.body()).get("State").asText().equals("Running");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int instanceCount(ArchiveServer server) throws Exception {
        return CommitmentRest.get(server.httpPort(), "/instances").size();
    }

    record CommitmentTally(int requests, int accepted, int refused, Map<String, Long> refusedByStatus,
                           int unanswered, int jobs) {}

    /**
     * Accepted (N-ACTION-RSP Success): reported once, everything committed; refused with a status:
     * never reported; unanswered (association ended first): reported at most once. Every
     * commitment job ends in Success, one per reported transaction.
     */
    private static CommitmentTally assertEachAcceptedCommitmentReportedOnce(ArchiveServer server,
            CommitmentRequester modality, DrillLoad load) throws Exception {
        int accepted = 0;
        int refused = 0;
        int unanswered = 0;
        Map<String, Long> refusedByStatus = new HashMap<>();
        for (Map.Entry<Commitment, DrillLoad.Outcome> e : load.commitments.entrySet()) {
            if (e.getValue().success()) {
                accepted++;
                CommitmentReport report = e.getKey().report().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(report.failed()).as("instances answered Success but not committed").isEmpty();
                assertThat(report.committed()).containsExactlyElementsOf(e.getKey().request().references());
            } else if (e.getValue().status() >= 0) {
                refused++;
                refusedByStatus.merge(String.format("%04X", e.getValue().status()), 1L, Long::sum);
                assertThat(e.getValue().status()).as("N-ACTION refused with").isIn(0x0110, 0x0213);
            } else {
                unanswered++;
            }
        }
        List<JsonNode> jobs = Awaitility.await("every commitment job finished").atMost(WAIT)
                .pollInterval(Duration.ofMillis(200)).until(() -> commitmentJobs(server),
                        all -> all.stream().allMatch(j -> Set.of("Success", "Failure").contains(j.get("State").asText())));
        assertThat(jobs).as("commitment jobs").allSatisfy(j -> assertThat(j.get("State").asText())
                .as("job %s: %s", j.get("ID").asText(), j.get("ErrorDetails")).isEqualTo("Success"));
        Set<String> jobTransactions = new HashSet<>();
        jobs.forEach(j -> assertThat(jobTransactions.add(j.get("Content").get("TransactionUid").asText()))
                .as("one job per transaction").isTrue());
        for (Map.Entry<Commitment, DrillLoad.Outcome> e : load.commitments.entrySet()) {
            String tx = e.getKey().request().transactionUid();
            AtomicInteger n = modality.reportsPerTransaction.get(tx);
            int reports = n == null ? 0 : n.get();
            if (e.getValue().success()) {
                assertThat(reports).as("reports of accepted transaction %s", tx).isEqualTo(1);
                assertThat(jobTransactions).contains(tx);
            } else if (e.getValue().status() >= 0) {
                assertThat(reports).as("reports of refused transaction %s", tx).isZero();
            } else {
                assertThat(reports).as("reports of unanswered transaction %s", tx).isLessThanOrEqualTo(1);
            }
        }
        assertThat(modality.reportsPerTransaction.keySet()).as("reports of transactions never asked")
                .isSubsetOf(load.commitments.keySet().stream().map(c -> c.request().transactionUid()).toList());
        return new CommitmentTally(load.commitments.size(), accepted, refused, refusedByStatus, unanswered,
                jobs.size());
    }

    private static List<JsonNode> commitmentJobs(ArchiveServer server) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        CommitmentRest.get(server.httpPort(), "/jobs?expand").forEach(j -> {
            if (j.get("Type").asText().equals("StorageCommitmentScp")) {
                out.add(j);
            }
        });
        return out;
    }

    /** The engine logs "Running -> Success" once per completion: no job ID may appear twice. */
    private static void assertNoJobCompletedTwice(LogCapture log) {
        Map<String, Integer> completions = new HashMap<>();
        for (String m : log.messages("-> Success")) {
            Matcher matcher = JOB_SUCCESS.matcher(m);
            if (matcher.find()) {
                completions.merge(matcher.group(1), 1, Integer::sum);
            }
        }
        assertThat(completions).isNotEmpty();
        assertThat(completions.entrySet()).as("jobs completed more than once")
                .allSatisfy(e -> assertThat(e.getValue()).as("job %s", e.getKey()).isEqualTo(1));
    }
}
