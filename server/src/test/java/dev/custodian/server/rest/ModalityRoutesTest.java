package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModalityRoutesTest {
    @TempDir
    Path dir;

    private RestFixture rest;

    @BeforeEach
    void start() {
        rest = new RestFixture(dir, "{\"DicomModalities\": {\"ct\": [\"CT1\", \"10.0.0.5\", 104],"
                + " \"pacs\": {\"AET\": \"PACS\", \"Host\": \"pacs.local\", \"Port\": 11112, \"AllowStorageCommitment\": false}}}");
    }

    @AfterEach
    void stop() {
        rest.close();
    }

    private HttpResponse<String> put(String name, String body) throws Exception {
        return rest.send(HttpRequest.newBuilder(rest.uri("/modalities/" + name))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> delete(String name) throws Exception {
        return rest.send(HttpRequest.newBuilder(rest.uri("/modalities/" + name)).DELETE());
    }

    @Test
    void configuredModalitiesAreListedAndExpanded() throws Exception {
        assertThat(rest.getJson("/modalities")).extracting(JsonNode::asText).containsExactly("ct", "pacs");
        JsonNode expanded = rest.getJson("/modalities?expand");
        assertThat(expanded.get("ct").get("AET").asText()).isEqualTo("CT1");
        assertThat(expanded.get("ct").get("Port").asInt()).isEqualTo(104);
        assertThat(expanded.get("ct").get("AllowStorageCommitment").asBoolean()).isTrue();
        assertThat(expanded.get("pacs").get("AllowStorageCommitment").asBoolean()).isFalse();
        assertThat(rest.getJson("/modalities/pacs").get("Host").asText()).isEqualTo("pacs.local");
        assertThat(rest.get("/modalities/none").statusCode()).isEqualTo(404);
    }

    @Test
    void putInBothFormsPersistsAndDeleteRemoves() throws Exception {
        assertThat(put("mr", "[\"MR1\", \"10.0.0.9\", 4242]").statusCode()).isEqualTo(200);
        HttpResponse<String> object = put("us", "{\"AET\": \"US1\", \"Host\": \"127.0.0.1\", \"Port\": 5000, \"AllowEcho\": false}");
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(RestFixture.JSON.readTree(object.body()).get("AllowEcho").asBoolean()).isFalse();
        assertThat(rest.getJson("/modalities")).extracting(JsonNode::asText).containsExactly("ct", "pacs", "mr", "us");
        assertThat(rest.archive.index().modalityDefinitions()).containsOnlyKeys("mr", "us");

        assertThat(put("mr", "[\"MR2\", \"10.0.0.9\", 4242]").statusCode()).isEqualTo(200);
        assertThat(rest.getJson("/modalities/mr").get("AET").asText()).isEqualTo("MR2");

        assertThat(delete("mr").statusCode()).isEqualTo(200);
        assertThat(rest.get("/modalities/mr").statusCode()).isEqualTo(404);
        assertThat(delete("mr").statusCode()).isEqualTo(404);
    }

    @Test
    void configurationFileModalitiesCannotBeDeletedAtRunTime() throws Exception {
        HttpResponse<String> r = delete("ct");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RestFixture.JSON.readTree(r.body()).get("Details").asText()).contains("configuration file");
        assertThat(rest.get("/modalities/ct").statusCode()).isEqualTo(200);
    }

    @Test
    void badDefinitionsAreRefusedNamingTheProblem() throws Exception {
        HttpResponse<String> missingPort = put("x", "{\"AET\": \"X\", \"Host\": \"h\"}");
        assertThat(missingPort.statusCode()).isEqualTo(400);
        assertThat(RestFixture.JSON.readTree(missingPort.body()).get("Details").asText()).contains("x.Port");
        assertThat(put("x", "{not json").statusCode()).isEqualTo(400);
        assertThat(put("x", "[\"X\", \"h\", 70000]").statusCode()).isEqualTo(400);
        assertThat(rest.get("/modalities/x").statusCode()).isEqualTo(404);
    }
}
