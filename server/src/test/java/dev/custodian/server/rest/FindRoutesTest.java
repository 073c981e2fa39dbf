package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.server.index.InstanceAttributes;
import dev.custodian.server.index.MainDicomTag;
import dev.custodian.server.index.Reception;
import dev.custodian.server.index.StoreResult;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /tools/find} at level Study: wildcards, date ranges, case, paging, expansion and bad bodies. */
class FindRoutesTest {
    @TempDir
    Path dir;

    private RestFixture rest;
    private String doe;
    private String smith;
    private String percent;

    private String store(String patientId, String name, String study, String date) throws Exception {
        Map<MainDicomTag, String> v = new EnumMap<>(MainDicomTag.class);
        v.put(MainDicomTag.PATIENT_ID, patientId);
        v.put(MainDicomTag.PATIENT_NAME, name);
        v.put(MainDicomTag.STUDY_INSTANCE_UID, study);
        v.put(MainDicomTag.STUDY_DATE, date);
        v.put(MainDicomTag.STUDY_DESCRIPTION, "Chest " + patientId);
        v.put(MainDicomTag.SERIES_INSTANCE_UID, study + ".1");
        v.put(MainDicomTag.MODALITY, "CT");
        v.put(MainDicomTag.SOP_INSTANCE_UID, study + ".1.1");
        v.put(MainDicomTag.SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.2");
        StoreResult r = rest.archive.store(new ByteArrayInputStream(new byte[] {1, 2, 3}), new InstanceAttributes(v),
                Reception.dicom("MODALITY1", "127.0.0.1", "CUSTODIAN", RestFixture.NOW));
        return r.studyId();
    }

    @BeforeEach
    void start() throws Exception {
        rest = new RestFixture(dir, "{}");
        doe = store("P1", "Doe^Jane", "1.1", "20260105");
        smith = store("P2", "Smith^John", "1.2", "20260210");
        percent = store("P3_X", "Doe^John", "1.3", "20260301");
    }

    @AfterEach
    void stop() {
        rest.close();
    }

    private HttpResponse<String> find(String body) throws Exception {
        return rest.send(HttpRequest.newBuilder(rest.uri("/tools/find")).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private List<String> ids(String query) throws Exception {
        HttpResponse<String> r = find(query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        RestFixture.JSON.readTree(r.body()).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void wildcardsDatesAndCase() throws Exception {
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {}}")).containsExactly(doe, smith, percent);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"PatientName\": \"doe*\"}}")).containsExactly(doe, percent);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"PatientName\": \"*J?hn\"}}")).containsExactly(smith, percent);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"PatientID\": \"P1\"}}")).containsExactly(doe);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"PatientID\": \"P?_*\"}}")).containsExactly(percent);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"PatientID\": \"P_*\"}}")).isEmpty(); // no SQL wildcard
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"PatientID\": \"p1\"}}")).isEmpty();
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"StudyDescription\": \"chest*\"}}")).isEmpty();
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"StudyDescription\": \"chest*\"}, \"CaseSensitive\": false}"))
                .containsExactly(doe, smith, percent);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"StudyDate\": \"20260201-\"}}")).containsExactly(smith, percent);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"StudyDate\": \"-20260210\"}}")).containsExactly(doe, smith);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"StudyDate\": \"20260105\"}}")).containsExactly(doe);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {\"StudyDate\": \"20260101-20260228\", \"PatientName\": \"*john\"}}"))
                .containsExactly(smith);
    }

    @Test
    void pagingAndExpansion() throws Exception {
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {}, \"Limit\": 2}")).containsExactly(doe, smith);
        assertThat(ids("{\"Level\": \"Study\", \"Query\": {}, \"Limit\": 2, \"Since\": 2}")).containsExactly(percent);
        HttpResponse<String> r = find("{\"Level\": \"Study\", \"Query\": {\"PatientID\": \"P2\"}, \"Expand\": true}");
        JsonNode study = RestFixture.JSON.readTree(r.body()).get(0);
        assertThat(study.get("ID").asText()).isEqualTo(smith);
        assertThat(study.get("PatientMainDicomTags").get("PatientName").asText()).isEqualTo("Smith^John");
        assertThat(study.get("MainDicomTags").get("StudyDate").asText()).isEqualTo("20260210");
    }

    @Test
    void badBodiesAreRefusedWithAReason() throws Exception {
        String[][] cases = {
                {"not json", "Cannot parse a JSON document"},
                {"[]", "Level"},
                {"{\"Level\": \"Series\", \"Query\": {}}", "\"Study\""},
                {"{\"Level\": \"Study\", \"Query\": {\"Modality\": \"CT\"}}", "cannot search studies by Modality"},
                {"{\"Level\": \"Study\", \"Query\": {\"StudyDate\": \"last week\"}}", "StudyDate must be"},
                {"{\"Level\": \"Study\", \"Query\": {\"PatientID\": 7}}", "must be a string"},
                {"{\"Level\": \"Study\", \"Query\": {}, \"Limit\": -1}", "Limit"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = find(c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            JsonNode error = RestFixture.JSON.readTree(r.body());
            assertThat(error.get("Message").asText() + " " + error.get("Details").asText()).as(c[0]).contains(c[1]);
        }
    }
}
