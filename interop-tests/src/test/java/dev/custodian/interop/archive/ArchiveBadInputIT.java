package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.RejectResult;
import dev.custodian.net.pdu.RejectSource;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.ul.AssociationRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #4, bad input: garbage and truncated uploads over REST and C-STORE, an unknown calling AE
 * with DicomAlwaysAllowStore false, and a full storage area; each answered with its status and
 * nothing stored.
 */
class ArchiveBadInputIT {
    @TempDir
    static Path data;
    static List<Path> files;

    @BeforeAll
    static void makeFiles() throws Exception {
        files = TestInstances.ct(data.resolve("in"), 4, 0.4);
    }

    @Test
    void garbageAndTruncatedRestUploadsAreRefusedAndNothingIsStored(@TempDir Path dir) throws Exception {
        try (ArchiveServer server = new ArchiveServer(dir, "")) {
            byte[] garbage = new byte[100_000];
            new Random(7).nextBytes(garbage);
            byte[] valid = Files.readAllBytes(files.get(0));
            byte[] truncated = Arrays.copyOf(valid, valid.length / 2);
            for (byte[] body : List.of(garbage, truncated)) {
                var r = Http.post(server.httpPort(), "/instances", body);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                assertThat(r.body()).contains("Bad file format");
            }
            assertNothingStored(server);
        }
    }

    @Test
    void garbageTruncatedAndMismatchedCStoresGetTheirStatusesAndNothingIsStored(@TempDir Path dir)
            throws Exception {
        try (ArchiveServer server = new ArchiveServer(dir, ""); Scu scu = new Scu("ITSCU")) {
            Part10 valid = Part10.of(Files.readAllBytes(files.get(0)));
            byte[] garbage = new byte[50_000];
            new Random(11).nextBytes(garbage);
            byte[] truncated = Arrays.copyOf(valid.dataSet(), valid.dataSet().length - 1000);
            String sopClass = valid.meta().mediaStorageSopClassUid();
            DicomConnection c = scu.connect(server.dicomPort(), ArchiveServer.AET);
            assertThat(Scu.status(c.store(sopClass, "1.2.3.4.1", Uid.ExplicitVRLittleEndian,
                    out -> out.write(garbage)))).isEqualTo(0xC000);
            assertThat(Scu.status(c.store(sopClass, valid.sopInstanceUid(), Uid.ExplicitVRLittleEndian,
                    out -> out.write(truncated)))).isEqualTo(0xC000);
            assertThat(Scu.status(c.store(sopClass, "1.2.3.4.2", Uid.ExplicitVRLittleEndian,
                    out -> out.write(valid.dataSet())))).isEqualTo(0xA900);
            // the association survives the failures: the intact instance is then stored
            assertThat(Scu.status(c.store(sopClass, valid.sopInstanceUid(), Uid.ExplicitVRLittleEndian,
                    out -> out.write(valid.dataSet())))).isZero();
            c.release();
            assertThat(ArchiveIngestIT.ids(server.httpPort(), "/instances")).hasSize(1);
            assertThat(storedFiles(server.storage)).hasSize(1);
            assertThat(TestFiles.filesStartingWith(server.storage, ".tmp-")).isEmpty();
        }
    }

    @Test
    void unknownCallingAeIsRejectedWhenStoreIsNotAlwaysAllowed(@TempDir Path dir) throws Exception {
        String config = "\"DicomAlwaysAllowStore\": false, \"DicomAlwaysAllowEcho\": false, "
                + "\"DicomModalities\": { \"known\": [\"KNOWN\", \"127.0.0.1\", 104],"
                + " \"echoonly\": { \"AET\": \"ECHOONLY\", \"Host\": \"127.0.0.1\", \"Port\": 104, \"AllowStore\": false } }";
        try (ArchiveServer server = new ArchiveServer(dir, config); Scu scu = new Scu("STRANGER")) {
            Tools.Result stranger = Tools.run(List.of("storescu", "-aet", "STRANGER", "-aec", ArchiveServer.AET,
                    "127.0.0.1", Integer.toString(server.dicomPort()), files.get(0).toString()));
            assertThat(stranger.exitCode()).isNotZero();
            assertThat(stranger.output()).containsIgnoringCase("Calling AE Title Not Recognized");
            try {
                scu.connect(server.dicomPort(), ArchiveServer.AET);
                throw new AssertionError("association of an unknown AE was accepted");
            } catch (AssociationRejectedException expected) {
                assertThat(expected.getMessage()).containsIgnoringCase("calling");
            }
            Tools.Result echoOnly = Tools.run(List.of("storescu", "-aet", "ECHOONLY", "-aec", ArchiveServer.AET,
                    "127.0.0.1", Integer.toString(server.dicomPort()), files.get(0).toString()));
            assertThat(echoOnly.exitCode()).as(echoOnly.output()).isNotZero();
            Tools.run(List.of("echoscu", "-aet", "ECHOONLY", "-aec", ArchiveServer.AET, "127.0.0.1",
                    Integer.toString(server.dicomPort()))).requireSuccess("echoscu from a modality allowed to echo");
            assertNothingStored(server);
            Tools.run(List.of("storescu", "-aet", "KNOWN", "-aec", ArchiveServer.AET, "127.0.0.1",
                    Integer.toString(server.dicomPort()), files.get(0).toString())).requireSuccess("known modality");
            assertThat(ArchiveIngestIT.ids(server.httpPort(), "/instances")).hasSize(1);
        }
    }

    @Test
    void calledAeIsCheckedOnlyWithDicomCheckCalledAet(@TempDir Path dir) throws Exception {
        // Orthanc's default: any called AE title is answered
        try (ArchiveServer server = new ArchiveServer(dir.resolve("any"), ""); Scu scu = new Scu("ITSCU")) {
            DicomConnection c = scu.connect(server.dicomPort(), "NOT-OUR-AET");
            assertThat(c.echo().get().status().isSuccess()).isTrue();
            c.release();
        }
        try (ArchiveServer server = new ArchiveServer(dir.resolve("checked"), "\"DicomCheckCalledAet\": true");
             Scu scu = new Scu("ITSCU")) {
            try {
                scu.connect(server.dicomPort(), "NOT-OUR-AET");
                throw new AssertionError("association to another called AE was accepted");
            } catch (AssociationRejectedException expected) {
                assertThat(expected.rejection()).isEqualTo(new AAssociateRj(RejectResult.REJECTED_PERMANENT,
                        RejectSource.SERVICE_USER, AAssociateRj.USER_CALLED_AE_TITLE_NOT_RECOGNIZED));
            }
            DicomConnection c = scu.connect(server.dicomPort(), ArchiveServer.AET);
            assertThat(c.echo().get().status().isSuccess()).isTrue();
            c.release();
        }
    }

    @Test
    void fullStorageAnswersA700AndKeepsNothingOfTheRefusedInstance(@TempDir Path dir) throws Exception {
        try (ArchiveServer server = new ArchiveServer(dir, "\"MaximumStorageSize\": 1"); Scu scu = new Scu("ITSCU")) {
            DicomConnection c = scu.connect(server.dicomPort(), ArchiveServer.AET);
            List<Integer> statuses = new ArrayList<>();
            for (Path f : files) {
                statuses.add(Scu.status(c.store(f)));
            }
            c.release();
            // 0.4 MB each: two fit in 1 MB, the third and fourth do not
            assertThat(statuses).containsExactly(0, 0, 0xA700, 0xA700);
            assertThat(ArchiveIngestIT.ids(server.httpPort(), "/instances")).hasSize(2);
            assertThat(storedFiles(server.storage)).hasSize(2);
            assertThat(TestFiles.filesStartingWith(server.storage, ".tmp-")).isEmpty();
        }
    }

    private static void assertNothingStored(ArchiveServer server) throws IOException, InterruptedException {
        assertThat(ArchiveIngestIT.ids(server.httpPort(), "/instances")).isEmpty();
        assertThat(storedFiles(server.storage)).isEmpty();
        assertThat(TestFiles.filesStartingWith(server.storage, ".tmp-")).isEmpty();
    }

    /** Files in the storage area's two-level fan-out (not the index database beside them). */
    static List<Path> storedFiles(Path storage) throws IOException {
        try (Stream<Path> s = Files.walk(storage, 3)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getNameCount() == storage.getNameCount() + 3)
                    .toList();
        }
    }
}
