package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.Ports;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import dev.custodian.net.service.DicomConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #4, crash safety: the server (the shaded jar, a separate process) is killed with SIGKILL
 * in the middle of a 500-instance ingest; after a restart every instance that got a success
 * status is present and intact, every indexed instance is a whole file, and no temporary file is
 * left.
 */
class ArchiveCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Tools.ROOT.resolve("server/target/custodian.jar");

    @Test
    void everyAcknowledgedInstanceSurvivesAKillNineIntact(@TempDir Path dir) throws Exception {
        List<Path> files = TestInstances.ct(dir.resolve("in"), 500, 0.03);
        Map<String, Part10> sent = new HashMap<>();
        for (Path f : files) {
            Part10 p = Part10.of(Files.readAllBytes(f));
            sent.put(p.sopInstanceUid(), p);
        }
        int dicomPort = Ports.freePort();
        int httpPort = Ports.freePort();
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Path config = dir.resolve("custodian.json");
        Files.writeString(config, "{ \"DicomAet\": \"CUSTODIAN\", \"DicomPort\": " + dicomPort + ", \"HttpPort\": "
                + httpPort + ", \"StorageDirectory\": \"" + storage + "\", \"IndexDirectory\": \"" + storage + "\" }");
        assertThat(JAR).as("the shaded jar (mvn package of server)").exists();

        Process server = startServer(dir, config, "run1");
        Ports.awaitListening(dicomPort);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> sendAll(files, dicomPort, acknowledged));
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                .until(() -> acknowledged.size() >= 120 || sender.isDone());
        server.destroyForcibly(); // SIGKILL
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        sender.handle((v, e) -> null).get(120, TimeUnit.SECONDS);
        assertThat(acknowledged.size()).as("the kill came in the middle of the ingest")
                .isBetween(120, files.size() - 1);

        server = startServer(dir, config, "run2");
        try {
            Ports.awaitListening(httpPort);
            Map<String, byte[]> indexed = new HashMap<>();
            for (String id : ArchiveIngestIT.ids(httpPort, "/instances")) {
                var r = Http.getBytes(httpPort, "/instances/" + id + "/file");
                assertThat(r.statusCode()).isEqualTo(200);
                Part10 got = Part10.of(r.body());
                assertThat(got.dataSet()).as("indexed instance %s is whole", id)
                        .isEqualTo(sent.get(got.sopInstanceUid()).dataSet());
                indexed.put(got.sopInstanceUid(), r.body());
            }
            assertThat(indexed.keySet()).containsAll(acknowledged);
            assertThat(TestFiles.filesStartingWith(storage, ".tmp-")).isEmpty();
            assertThat(ArchiveBadInputIT.storedFiles(storage)).hasSize(indexed.size());
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process startServer(Path dir, Path config, String name) {
        return Tools.start(dir.resolve(name + ".log"), List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", JAR.toString(), config.toString()));
    }

    /** One instance at a time on one association, recording the SOP Instance UIDs answered Success. */
    private static void sendAll(List<Path> files, int port, Set<String> acknowledged) {
        try (Scu scu = new Scu("CRASHSCU")) {
            DicomConnection c = scu.connect(port, "CUSTODIAN");
            for (Path f : files) {
                var rsp = c.store(f).get(60, TimeUnit.SECONDS);
                if (rsp.status().isSuccess()) {
                    acknowledged.add(Part10.of(Files.readAllBytes(f)).sopInstanceUid());
                }
            }
        } catch (Exception e) {
            // the server was killed: the remaining stores fail, which is the point
        }
    }
}
