package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill: the storage volume (here with the SQLite index on it) fills up during a DCMTK
 * ingest. It is a real size-limited file system, a 3 MB tmpfs mounted by the test (root only; the
 * test is skipped, saying so, where mounting is not permitted). Instances that do not fit are
 * refused with A700 (Out of Resources); every instance answered Success is indexed and intact, no
 * temporary file is left visible; once the volume is grown ({@code mount -o remount,size=}), the
 * same association-level ingest of the rest succeeds without a restart.
 */
class DiskFullIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void aFullVolumeRefusesWithA700LosesNothingAndRecoversWhenSpaceReturns(@TempDir Path dir) throws Exception {
        List<Path> files = TestInstances.secondaryCapture(dir.resolve("in"), "full", 24, 256, 5);
        Path mount = Files.createDirectories(dir.resolve("storage"));
        Tools.Result mounted = Tools.run(LIMIT, "mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString());
        assumeTrue(mounted.exitCode() == 0, "cannot mount a tmpfs here (not root?): " + mounted.output());
        try {
            try (ArchiveServer server = new ArchiveServer(dir, "\"DicomScpTimeout\": 30")) {
                Tools.Result first = storescu(server.dicomPort(), files);
                assertThat(first.output()).as("storescu must have met a full volume")
                        .containsPattern("(?i)(a700|out ?of ?resources)");
                List<String> stored = instanceIds(server.httpPort());
                assertThat(stored.size()).isBetween(1, files.size() - 1);
                assertIntactAndNothingHalfWritten(mount, stored.size(), files);

                Tools.run(LIMIT, "mount", "-o", "remount,size=64m", mount.toString()).requireSuccess("remount");
                storescu(server.dicomPort(), files).requireSuccess("storescu after the volume grew");
                assertThat(instanceIds(server.httpPort())).hasSize(files.size());
                assertIntactAndNothingHalfWritten(mount, files.size(), files);
            }
        } finally {
            Tools.run(LIMIT, "umount", "-l", mount.toString());
        }
    }

    private static Tools.Result storescu(int port, List<Path> files) {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-v", "-aet", "MODALITY", "-aec", ArchiveServer.AET,
                "127.0.0.1", String.valueOf(port)));
        files.forEach(f -> cmd.add(f.toString()));
        return Tools.run(LIMIT, cmd);
    }

    private static List<String> instanceIds(int http) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(Http.get(http, "/instances").body()).forEach(n -> ids.add(n.asText()));
        return ids;
    }

    /** As many instance files as indexed instances, each the byte-for-byte data set of a source; no temporary file. */
    private static void assertIntactAndNothingHalfWritten(Path storage, int indexed, List<Path> sources)
            throws Exception {
        List<Path> dicom = new ArrayList<>();
        try (Stream<Path> all = Files.walk(storage)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                assertThat(name).as("a temporary file is visible").doesNotStartWith(".tmp-");
                if (!name.startsWith("custodian-") && !name.endsWith(".db") && !name.contains(".db-")
                        && !name.startsWith(".")) {
                    dicom.add(p);
                }
            }
        }
        assertThat(dicom).hasSize(indexed);
        assertThat(TestFiles.dataSetDigests(sources)).containsAll(TestFiles.dataSetDigests(dicom));
    }
}
