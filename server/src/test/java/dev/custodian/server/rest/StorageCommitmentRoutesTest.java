package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.dicom.data.UuidUidGenerator;
import dev.custodian.server.commit.scu.Release;
import dev.custodian.server.commit.scu.ReportRecorder;
import dev.custodian.server.commit.scu.ReportSignals;
import dev.custodian.server.commit.scu.ScuSettings;
import dev.custodian.server.commit.scu.ScuTransactionStore;
import dev.custodian.server.commit.scu.StorageCommitments;
import dev.custodian.server.config.ConfigLoader;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.store.InMemoryStorageArea;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.FailureReason;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Storage Commitment routes over a SQLite index and a fake N-ACTION sender. */
class StorageCommitmentRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path dir;
    IndexDatabase db;
    RestServer server;
    ReportRecorder recorder;
    final List<CommitmentRequest> sent = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        CustodianConfig config = ConfigLoader.parse("{ \"DicomModalities\": { \"pacs\": [\"PACS\", \"127.0.0.1\", 104],"
                + " \"down\": [\"DOWN\", \"127.0.0.1\", 105], \"nocommit\": { \"AET\": \"NC\", \"Host\": \"h\","
                + " \"Port\": 1, \"AllowStorageCommitment\": false } } }", dir).withPorts(0, 0);
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        Archive archive = new Archive(new InMemoryStorageArea(0, UUID::randomUUID), new Index(db, Clock.systemUTC(), 0),
                false);
        Modalities modalities = new Modalities(config.dicomModalities(), archive.index());
        ScuTransactionStore store = new ScuTransactionStore(db);
        ScuSettings settings = ScuSettings.of(config);
        recorder = new ReportRecorder(store, modalities::all, settings, Clock.systemUTC(), new ReportSignals());
        StorageCommitments commitments = new StorageCommitments(store, (m, timeout, part) -> {
            if (m.aet().equals("DOWN")) {
                throw new java.io.IOException("association with DOWN failed: Connection refused");
            }
            sent.add(part);
        }, settings, Clock.systemUTC(), new UuidUidGenerator());
        ModalityScu scu = new ModalityScu("CUSTODIAN", 10, 16384, archive, null);
        server = new RestServer(config, archive, modalities, "test", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC(), new StorageCommitmentRoutes(modalities, scu, archive.index(), commitments,
                        new Release(archive, store))).start();
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> r = send(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    @Test
    void bothFormsOfDicomInstancesGiveATransactionShownAsOrthancShowsIt() throws Exception {
        JsonNode answer = json("POST", "/modalities/pacs/storage-commitment", "{\"DicomInstances\": [[\"" + CT
                + "\", \"1.2.3.1\"], {\"SOPClassUID\": \"" + CT + "\", \"SOPInstanceUID\": \"1.2.3.2\"}]}", 200);
        String uid = answer.get("ID").asText();
        assertThat(uid).startsWith("2.25.");
        assertThat(answer.get("Path").asText()).isEqualTo("/storage-commitment/" + uid);
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.references()).hasSize(2));

        JsonNode pending = json("GET", "/storage-commitment/" + uid, null, 200);
        assertThat(pending.toString()).isEqualTo("{\"RemoteAET\":\"PACS\",\"Status\":\"Pending\"}");

        CommitmentRequest r = sent.get(0);
        recorder.onReport(new CommitmentReport(uid, null, List.of(r.references().get(0)),
                List.of(new FailedReference(r.references().get(1), FailureReason.NO_SUCH_OBJECT_INSTANCE))), "PACS");
        JsonNode failure = json("GET", "/storage-commitment/" + uid, null, 200);
        assertThat(failure.get("Status").asText()).isEqualTo("Failure");
        assertThat(failure.get("Success").get(0).get("SOPInstanceUID").asText()).isEqualTo("1.2.3.1");
        JsonNode f = failure.get("Failures").get(0);
        assertThat(f.get("FailureReason").isInt()).isTrue();
        assertThat(f.get("FailureReason").asInt()).isEqualTo(274);
        assertThat(f.get("Description").asText()).startsWith("One or more of the elements");
        assertThat(f.get("SOPClassUID").asText()).isEqualTo(CT);

        JsonNode refused = json("POST", "/storage-commitment/" + uid + "/remove", "", 400);
        assertThat(refused.get("Message").asText()).isEqualTo("Bad sequence of calls");
        JsonNode listed = json("GET", "/storage-commitment?status=failure&modality=pacs", null, 200);
        assertThat(listed).singleElement().satisfies(t -> {
            assertThat(t.get("ID").asText()).isEqualTo(uid);
            assertThat(t.get("Solicited").asBoolean()).isTrue();
            assertThat(t.get("Reports").asInt()).isEqualTo(1);
        });
        assertThat(json("GET", "/storage-commitment?status=Pending", null, 200)).isEmpty();
        assertThat(json("GET", "/storage-commitment?from=20000101&limit=1", null, 200)).hasSize(1);
    }

    @Test
    void badRequestsGetOrthancsErrors() throws Exception {
        assertThat(json("POST", "/modalities/nope/storage-commitment", "{}", 404).get("Details").asText())
                .isEqualTo("No modality with symbolic name: nope");
        assertThat(json("POST", "/modalities/nocommit/storage-commitment", "{\"DicomInstances\": [[\"" + CT
                + "\", \"1.2.3\"]]}", 400).get("Details").asText()).contains("AllowStorageCommitment");
        assertThat(json("POST", "/modalities/pacs/storage-commitment", "[]", 400).get("Message").asText())
                .isEqualTo("Bad file format");
        assertThat(json("POST", "/modalities/pacs/storage-commitment", "{}", 400).get("Details").asText())
                .contains("\"Resources\" or \"DicomInstances\"");
        assertThat(json("POST", "/modalities/pacs/storage-commitment", "{\"DicomInstances\": [\"abc-def\"]}", 400)
                .get("Details").asText()).contains("found: \"abc-def\"");
        json("POST", "/modalities/pacs/storage-commitment", "{\"DicomInstances\": [[\"" + CT + "\", \"not a uid\"]]}",
                400);
        json("POST", "/modalities/pacs/storage-commitment", "{\"Resources\": [\"nope\"]}", 404);
        json("POST", "/modalities/pacs/storage-commitment", "{\"DicomInstances\": [[\"" + CT + "\", \"1.2\"]], "
                + "\"Timeout\": \"x\"}", 400);
        JsonNode down = json("POST", "/modalities/down/storage-commitment", "{\"DicomInstances\": [[\"" + CT
                + "\", \"1.2.3\"]]}", 500);
        assertThat(down.get("Message").asText()).isEqualTo("Error in the network protocol");
        assertThat(down.get("Details").asText()).contains("Connection refused");
        assertThat(json("GET", "/storage-commitment", null, 200)).as("nothing left by the refused one").isEmpty();
        assertThat(json("GET", "/storage-commitment/2.25.9", null, 404).get("Details").asText())
                .isEqualTo("No storage commitment transaction with UID: 2.25.9");
        json("POST", "/storage-commitment/2.25.9/remove", "", 404);
        json("GET", "/storage-commitment?status=Maybe", null, 400);
        json("GET", "/storage-commitment?limit=0", null, 400);
        json("GET", "/storage-commitment?from=yesterday", null, 400);
    }
}
