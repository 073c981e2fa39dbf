package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #4: DCMTK storescu sends 200 files on 4 associations; GET /instances lists 200; each
 * /instances/{id}/file carries the sent data set byte for byte (the File Meta Information is the
 * archive's, as Orthanc's is); the IDs equal those Orthanc assigns to the same files. The ingest
 * runs on both index back ends.
 */
class ArchiveIngestIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path data;
    static List<Path> files;
    static Map<String, Part10> sent = new HashMap<>();

    @BeforeAll
    static void makeFiles() throws Exception {
        files = TestInstances.ct(data.resolve("in"), 200, 0.03);
        for (Path f : files) {
            Part10 p = Part10.of(Files.readAllBytes(f));
            sent.put(p.sopInstanceUid(), p);
        }
        assertThat(sent).hasSize(200);
    }

    @Test
    void sqliteIndexKeepsWhatStorescuSentWithOrthancsIds(@TempDir Path dir) throws Exception {
        Set<String> ours;
        try (ArchiveServer server = new ArchiveServer(dir, "")) {
            ours = ingestAndCheck(server);
        }
        Set<String> orthancs;
        try (Orthanc orthanc = Orthanc.start(dir, "{}")) {
            storescu(orthanc.dicomPort(), Orthanc.AET, 1);
            orthancs = ids(orthanc.httpPort(), "/instances");
        }
        assertThat(ours).hasSize(200).isEqualTo(orthancs);
    }

    @Test
    void postgresIndexKeepsWhatStorescuSent(@TempDir Path dir) throws Exception {
        try (ArchiveServer server = new ArchiveServer(dir, ArchiveServer.freshPostgres())) {
            assertThat(server.app.indexDescription()).startsWith("PostgreSQL");
            ingestAndCheck(server);
        }
    }

    private Set<String> ingestAndCheck(ArchiveServer server) throws Exception {
        storescu(server.dicomPort(), ArchiveServer.AET, 4);
        Set<String> ids = ids(server.httpPort(), "/instances");
        assertThat(ids).hasSize(200);
        for (String id : ids) {
            HttpResponse<byte[]> file = Http.getBytes(server.httpPort(), "/instances/" + id + "/file");
            assertThat(file.statusCode()).isEqualTo(200);
            Part10 got = Part10.of(file.body());
            Part10 original = sent.get(got.sopInstanceUid());
            assertThat(original).as("instance %s was sent", got.sopInstanceUid()).isNotNull();
            assertThat(got.dataSet()).as("data set of %s", id).isEqualTo(original.dataSet());
            assertThat(got.meta().mediaStorageSopClassUid()).isEqualTo(original.meta().mediaStorageSopClassUid());
            assertThat(got.meta().transferSyntaxUid()).isEqualTo(original.meta().transferSyntaxUid());
            assertThat(got.meta().sourceApplicationEntityTitle()).isEqualTo("ITSCU");
        }
        assertThat(TestFiles.filesStartingWith(server.storage, ".tmp-")).isEmpty();
        return ids;
    }

    /** storescu of all files split over {@code associations} parallel processes. */
    static void storescu(int port, String aet, int associations) throws Exception {
        List<List<String>> commands = new ArrayList<>();
        for (int a = 0; a < associations; a++) {
            List<String> c = new ArrayList<>(List.of("storescu", "-aet", "ITSCU", "-aec", aet, "127.0.0.1",
                    Integer.toString(port)));
            for (int i = a; i < files.size(); i += associations) {
                c.add(files.get(i).toString());
            }
            commands.add(c);
        }
        for (Tools.Result r : Tools.runAll(Tools.LIMIT, commands)) {
            r.requireSuccess("storescu");
        }
    }

    static Set<String> ids(int httpPort, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = Http.get(httpPort, path);
        assertThat(r.statusCode()).isEqualTo(200);
        Set<String> out = new HashSet<>();
        JSON.readTree(r.body()).forEach(n -> out.add(n.asText()));
        return out;
    }
}
