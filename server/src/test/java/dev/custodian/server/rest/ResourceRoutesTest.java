package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.server.index.InstanceAttributes;
import dev.custodian.server.index.MainDicomTag;
import dev.custodian.server.index.OrthancIds;
import dev.custodian.server.index.Reception;
import dev.custodian.server.index.StoreResult;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceRoutesTest {
    @TempDir
    Path dir;

    private RestFixture rest;
    private StoreResult first;
    private StoreResult second;
    private StoreResult other;

    private StoreResult store(String patient, String study, String series, String sop, int size) throws Exception {
        Map<MainDicomTag, String> v = new EnumMap<>(MainDicomTag.class);
        v.put(MainDicomTag.PATIENT_ID, patient);
        v.put(MainDicomTag.PATIENT_NAME, "Doe^Jane");
        v.put(MainDicomTag.STUDY_INSTANCE_UID, study);
        v.put(MainDicomTag.STUDY_DESCRIPTION, "Chest");
        v.put(MainDicomTag.SERIES_INSTANCE_UID, series);
        v.put(MainDicomTag.MODALITY, "CT");
        v.put(MainDicomTag.SOP_INSTANCE_UID, sop);
        v.put(MainDicomTag.SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.2");
        v.put(MainDicomTag.INSTANCE_NUMBER, "7");
        v.put(MainDicomTag.TRANSFER_SYNTAX_UID, "1.2.840.10008.1.2.1");
        byte[] content = new byte[size];
        content[0] = 42;
        return rest.archive.store(new ByteArrayInputStream(content), new InstanceAttributes(v),
                Reception.dicom("MODALITY1", "127.0.0.1", "CUSTODIAN", RestFixture.NOW));
    }

    @BeforeEach
    void start() throws Exception {
        rest = new RestFixture(dir, "{\"Name\": \"Test archive\", \"DicomAet\": \"ARCHIVE\"}",
                Clock.fixed(RestFixture.NOW, ZoneOffset.UTC), Clock.fixed(RestFixture.NOW.plusSeconds(61), ZoneOffset.UTC));
        first = store("P1", "1.2", "1.2.1", "1.2.1.1", 100);
        second = store("P1", "1.2", "1.2.1", "1.2.1.2", 200);
        other = store("P2", "2.1", "2.1.1", "2.1.1.1", 300);
    }

    @AfterEach
    void stop() {
        rest.close();
    }

    @Test
    void systemAndStatisticsHaveOrthancFields() throws Exception {
        JsonNode system = rest.getJson("/system");
        assertThat(system.get("Name").asText()).isEqualTo("Test archive");
        assertThat(system.get("DicomAet").asText()).isEqualTo("ARCHIVE");
        assertThat(system.get("Version").asText()).isEqualTo("1.2.3-test");
        assertThat(system.get("ApiVersion").isInt()).isTrue();
        assertThat(system.has("DatabaseBackendPlugin")).isTrue();
        JsonNode stats = rest.getJson("/statistics");
        assertThat(stats.get("CountPatients").asLong()).isEqualTo(2);
        assertThat(stats.get("CountStudies").asLong()).isEqualTo(2);
        assertThat(stats.get("CountSeries").asLong()).isEqualTo(2);
        assertThat(stats.get("CountInstances").asLong()).isEqualTo(3);
        assertThat(stats.get("TotalDiskSize").isTextual()).isTrue();
        assertThat(stats.get("TotalDiskSize").asText()).isEqualTo("600");
        assertThat(stats.get("TotalDiskSizeMB").asLong()).isZero();
    }

    @Test
    void listsWithExpandSinceAndLimit() throws Exception {
        assertThat(rest.getJson("/instances")).extracting(JsonNode::asText)
                .containsExactly(first.instanceId(), second.instanceId(), other.instanceId());
        assertThat(rest.getJson("/instances?since=1&limit=1")).extracting(JsonNode::asText)
                .containsExactly(second.instanceId());
        JsonNode expanded = rest.getJson("/patients?expand");
        assertThat(expanded).hasSize(2);
        assertThat(expanded.get(0).get("Type").asText()).isEqualTo("Patient");
        HttpResponse<String> bad = rest.get("/instances?limit=-1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RestFixture.JSON.readTree(bad.body()).get("Details").asText()).contains("limit");
    }

    @Test
    void instanceHasOrthancShape() throws Exception {
        JsonNode i = rest.getJson("/instances/" + first.instanceId());
        assertThat(i.get("ID").asText()).isEqualTo(first.instanceId());
        assertThat(i.get("Type").asText()).isEqualTo("Instance");
        assertThat(i.get("ParentSeries").asText()).isEqualTo(first.seriesId());
        assertThat(i.get("FileSize").asLong()).isEqualTo(100);
        assertThat(i.get("FileUuid").asText()).hasSize(36);
        assertThat(i.get("IndexInSeries").asInt()).isEqualTo(7);
        assertThat(i.get("MainDicomTags").get("SOPInstanceUID").asText()).isEqualTo("1.2.1.1");
        assertThat(i.get("MainDicomTags").get("InstanceNumber").asText()).isEqualTo("7");
        assertThat(i.get("MainDicomTags").has("TransferSyntaxUID")).isFalse();
    }

    @Test
    void patientStudySeriesHaveOrthancShape() throws Exception {
        JsonNode patient = rest.getJson("/patients/" + OrthancIds.patient("P1"));
        assertThat(patient.get("Type").asText()).isEqualTo("Patient");
        assertThat(patient.get("Studies")).extracting(JsonNode::asText).containsExactly(first.studyId());
        assertThat(patient.get("MainDicomTags").get("PatientName").asText()).isEqualTo("Doe^Jane");
        assertThat(patient.get("IsStable").asBoolean()).isTrue();
        assertThat(patient.get("LastUpdate").asText()).isEqualTo("20261127T101530");

        JsonNode study = rest.getJson("/studies/" + first.studyId());
        assertThat(study.get("Type").asText()).isEqualTo("Study");
        assertThat(study.get("ParentPatient").asText()).isEqualTo(first.patientId());
        assertThat(study.get("Series")).extracting(JsonNode::asText).containsExactly(first.seriesId());
        assertThat(study.get("MainDicomTags").get("StudyDescription").asText()).isEqualTo("Chest");
        assertThat(study.get("PatientMainDicomTags").get("PatientID").asText()).isEqualTo("P1");

        JsonNode series = rest.getJson("/series/" + first.seriesId());
        assertThat(series.get("Type").asText()).isEqualTo("Series");
        assertThat(series.get("ParentStudy").asText()).isEqualTo(first.studyId());
        assertThat(series.get("Instances")).extracting(JsonNode::asText)
                .containsExactly(first.instanceId(), second.instanceId());
        assertThat(series.get("Status").asText()).isEqualTo("Unknown");
        assertThat(series.get("MainDicomTags").get("Modality").asText()).isEqualTo("CT");

        assertThat(rest.getJson("/instances/" + first.instanceId() + "/study").get("ID").asText()).isEqualTo(first.studyId());
        assertThat(rest.getJson("/instances/" + first.instanceId() + "/patient").get("ID").asText())
                .isEqualTo(first.patientId());
        assertThat(rest.getJson("/series/" + first.seriesId() + "/study").get("Type").asText()).isEqualTo("Study");
        JsonNode instances = rest.getJson("/patients/" + first.patientId() + "/instances");
        assertThat(instances).extracting(n -> n.get("ID").asText()).containsExactly(first.instanceId(), second.instanceId());
    }

    @Test
    void fileAndMetadata() throws Exception {
        HttpResponse<byte[]> file = rest.http.send(HttpRequest.newBuilder(rest.uri("/instances/" + first.instanceId() + "/file")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("application/dicom");
        assertThat(file.body()).hasSize(100).startsWith((byte) 42);

        JsonNode metadata = rest.getJson("/instances/" + first.instanceId() + "/metadata?expand");
        assertThat(metadata.get("RemoteAET").asText()).isEqualTo("MODALITY1");
        assertThat(metadata.get("Origin").asText()).isEqualTo("DicomProtocol");
        assertThat(metadata.get("TransferSyntax").asText()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(metadata.get("FileSha256").asText()).hasSize(64);
        assertThat(rest.get("/instances/" + first.instanceId() + "/metadata/CalledAET").body()).isEqualTo("CUSTODIAN");
        assertThat(rest.get("/instances/" + first.instanceId() + "/metadata/Nope").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownResourceIsA404WithOrthancErrorBody() throws Exception {
        String path = "/instances/" + OrthancIds.patient("nobody");
        HttpResponse<String> r = rest.get(path);
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = RestFixture.JSON.readTree(r.body());
        assertThat(body.get("HttpStatus").asInt()).isEqualTo(404);
        assertThat(body.get("Message").asText()).isEqualTo("Unknown resource");
        assertThat(body.get("Method").asText()).isEqualTo("GET");
        assertThat(body.get("Uri").asText()).isEqualTo(path);
        assertThat(body.get("OrthancStatus").asInt()).isEqualTo(17);
        assertThat(body.has("Details")).isTrue();

        HttpResponse<String> route = rest.get("/no/such/route");
        assertThat(route.statusCode()).isEqualTo(404);
        assertThat(RestFixture.JSON.readTree(route.body()).get("HttpStatus").asInt()).isEqualTo(404);
        assertThat(rest.get("/series/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void deletionReportsTheRemainingAncestorAndRemovesFiles() throws Exception {
        HttpResponse<String> r = rest.send(HttpRequest.newBuilder(rest.uri("/instances/" + first.instanceId())).DELETE());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode ancestor = RestFixture.JSON.readTree(r.body()).get("RemainingAncestor");
        assertThat(ancestor.get("Type").asText()).isEqualTo("Series");
        assertThat(ancestor.get("ID").asText()).isEqualTo(first.seriesId());
        assertThat(ancestor.get("Path").asText()).isEqualTo("/series/" + first.seriesId());
        assertThat(rest.get("/instances/" + first.instanceId()).statusCode()).isEqualTo(404);
        assertThat(rest.storage.fileCount()).isEqualTo(2);

        HttpResponse<String> patient = rest.send(HttpRequest.newBuilder(rest.uri("/patients/" + other.patientId())).DELETE());
        assertThat(RestFixture.JSON.readTree(patient.body()).get("RemainingAncestor").isNull()).isTrue();
        assertThat(rest.storage.fileCount()).isEqualTo(1);
        assertThat(rest.send(HttpRequest.newBuilder(rest.uri("/patients/" + other.patientId())).DELETE()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        HttpResponse<String> r = rest.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("custodian_index_instances 3.0").contains("custodian_storage_size_bytes 600.0");
    }
}
