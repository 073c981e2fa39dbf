package dev.custodian.interop.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.interop.support.Tools;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, store as sent, with the senders' own proposals: DCMTK storescu with its default
 * proposals and with {@code -xe}, {@code -xb}, {@code -xi}, and Orthanc 1.10.1's C-STORE SCU
 * ({@code POST /modalities/{id}/store}), each context accepted in the transfer syntax the sender
 * put first; with
 * {@code "AcceptedTransferSyntaxPreference": "Uncompressed"} the fixed order comes back (dcmsend
 * then decompresses an RLE file to Explicit VR Little Endian before sending).
 */
class StoreAsSentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    /**
     * storescu proposes, per SOP class, a context with its preferred syntax alone and one with the
     * other uncompressed syntaxes ({@code -xi}: Implicit VR LE alone), and sends each file on an
     * accepted context of the file's own syntax if there is one, converting it otherwise. Each of
     * its contexts must be accepted with the syntax it put first there; each file is stored in its
     * own syntax where that was accepted, else in the converted one storescu chose.
     */
    @Test
    void storescuContextsAreAcceptedInTheSyntaxItPutsFirst(@TempDir Path dir) throws Exception {
        List<Path> made = TestInstances.ct(dir.resolve("in"), 12, 0.02);
        List<Path> files = new ArrayList<>(made.subList(0, 4));
        files.addAll(TestInstances.convert(made.subList(4, 8), dir.resolve("implicit"), "+ti"));
        files.addAll(TestInstances.convert(made.subList(8, 12), dir.resolve("big"), "+tb"));
        List<String> options = List.of("", "-xe", "-xb", "-xi");
        Map<String, List<String>> acceptedBySop = new HashMap<>();
        Map<String, String> ownBySop = new HashMap<>();
        Map<String, List<String>> firstChoices = new LinkedHashMap<>();
        try (ArchiveServer server = new ArchiveServer(dir, "")) {
            for (int i = 0; i < files.size(); i++) {
                String option = options.get(i % 4);
                Part10 p = Part10.read(files.get(i));
                List<StorescuNegotiation.Context> ct = storescu(server.dicomPort(), option, files.get(i));
                for (StorescuNegotiation.Context c : ct) {
                    assertThat(c.accepted()).as("storescu %s, context %d %s", option, c.id(), c.proposed())
                            .isEqualTo(c.proposed().get(0));
                }
                firstChoices.put(option + " " + p.transferSyntaxUid(), ct.stream().map(c -> c.accepted()).toList());
                acceptedBySop.put(p.sopInstanceUid(), ct.stream().map(StorescuNegotiation.Context::accepted).toList());
                ownBySop.put(p.sopInstanceUid(), p.transferSyntaxUid());
            }
            Map<String, String> stored = storedSyntaxes(server.httpPort());
            assertThat(stored).hasSize(files.size());
            stored.forEach((sop, syntax) -> {
                List<String> accepted = acceptedBySop.get(sop);
                assertThat(accepted).as("accepted contexts").contains(syntax);
                if (accepted.contains(ownBySop.get(sop))) {
                    assertThat(syntax).as("stored as sent").isEqualTo(ownBySop.get(sop));
                }
            });
            assertThat(firstChoices.get(" " + Uid.ExplicitVRLittleEndian)).as("default: preferred, then the others")
                    .containsExactly(Uid.ExplicitVRLittleEndian, Uid.ExplicitVRBigEndian);
            assertThat(firstChoices.get("-xb " + Uid.ExplicitVRBigEndian))
                    .containsExactly(Uid.ExplicitVRBigEndian, Uid.ExplicitVRLittleEndian);
            assertThat(firstChoices.get("-xi " + Uid.ExplicitVRLittleEndian)).containsExactly(Uid.ImplicitVRLittleEndian);
        }
    }

    /** storescu with debug output (where it lists its proposals and the answers) of one file; its CT contexts. */
    private static List<StorescuNegotiation.Context> storescu(int port, String option, Path file) {
        List<String> command = new ArrayList<>(List.of("storescu", "-d", "-aet", "ITSCU", "-aec", ArchiveServer.AET));
        if (!option.isEmpty()) {
            command.add(option);
        }
        command.addAll(List.of("127.0.0.1", Integer.toString(port), file.toString()));
        String output = Tools.run(command).requireSuccess("storescu " + option).output();
        List<StorescuNegotiation.Context> ct = StorescuNegotiation.contexts(output, "=CTImageStorage");
        assertThat(ct).as("storescu %s proposed CT Image Storage:%n%s", option, output).isNotEmpty();
        return ct;
    }

    /**
     * Orthanc 1.10.1 proposes one context per transfer syntax for each SOP class, the instance's
     * own first, then Explicit and Implicit VR Little Endian (as storescp -d shows), and sends each
     * instance on the first of those accepted: so each is stored in its own syntax.
     */
    @Test
    void orthancsStoreScuIsStoredInEachInstancesOwnSyntax(@TempDir Path dir) throws Exception {
        List<String> files = List.of("CT_small.dcm", "MR_small_implicit.dcm", "liver_expb_1frame.dcm", "JPEG2000.dcm",
                "image_dfl.dcm", "SC_rgb_rle.dcm", "JPEG-lossy.dcm");
        Map<String, String> own = new HashMap<>();
        try (ArchiveServer server = new ArchiveServer(dir, "")) {
            String modalities = "{ \"custodian\": [\"" + ArchiveServer.AET + "\", \"127.0.0.1\", " + server.dicomPort()
                    + "] }";
            try (Orthanc orthanc = Orthanc.start(dir, modalities)) {
                List<String> ids = new ArrayList<>();
                for (String f : files) {
                    byte[] bytes = Files.readAllBytes(CORPUS.resolve(f));
                    own.put(Part10.of(bytes).sopInstanceUid(), Part10.of(bytes).transferSyntaxUid());
                    ids.add(orthanc.upload(bytes));
                }
                assertThat(own).as("distinct instances").hasSize(files.size());
                byte[] body = ("{ \"Resources\": " + JSON.writeValueAsString(ids) + ", \"Synchronous\": true }")
                        .getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> r = Http.post(orthanc.httpPort(), "/modalities/custodian/store", body);
                assertThat(r.statusCode()).as(r.body() + "\n" + orthanc.logTail()).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).get("FailedInstancesCount").asInt()).isZero();
            }
            assertThat(storedSyntaxes(server.httpPort())).isEqualTo(own);
        }
    }

    @Test
    void uncompressedPreferenceMakesDcmsendDecompress(@TempDir Path dir) throws Exception {
        Path rle = CORPUS.resolve("SC_rgb_rle.dcm");
        try (ArchiveServer server = new ArchiveServer(dir, "\"AcceptedTransferSyntaxPreference\": \"Uncompressed\"")) {
            Tools.run("dcmsend", "-aet", "ITSCU", "-aec", ArchiveServer.AET, "127.0.0.1",
                    Integer.toString(server.dicomPort()), rle.toString()).requireSuccess("dcmsend");
            assertThat(storedSyntaxes(server.httpPort()))
                    .containsExactly(Map.entry(Part10.read(rle).sopInstanceUid(), Uid.ExplicitVRLittleEndian));
        }
    }

    /** SOP Instance UID → transfer syntax (meta (0002,0010)) of every stored file. */
    private static Map<String, String> storedSyntaxes(int httpPort) throws IOException, InterruptedException {
        Map<String, String> out = new HashMap<>();
        for (String id : ArchiveIngestIT.ids(httpPort, "/instances")) {
            HttpResponse<byte[]> file = Http.getBytes(httpPort, "/instances/" + id + "/file");
            assertThat(file.statusCode()).isEqualTo(200);
            Part10 p = Part10.of(file.body());
            out.put(p.sopInstanceUid(), p.transferSyntaxUid());
        }
        return out;
    }
}
