package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticationTest {
    @TempDir
    Path dir;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(RestFixture rest, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(rest.uri("/system")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return rest.send(request);
    }

    @Test
    void enabledAuthenticationRequiresARegisteredUser() throws Exception {
        try (RestFixture rest = new RestFixture(dir,
                "{\"AuthenticationEnabled\": true, \"RegisteredUsers\": {\"alice\": \"s3cret\"}}")) {
            HttpResponse<String> none = get(rest, null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(RestFixture.JSON.readTree(none.body()).get("HttpStatus").asInt()).isEqualTo(401);
            assertThat(get(rest, basic("alice", "wrong")).statusCode()).isEqualTo(401);
            assertThat(get(rest, basic("bob", "s3cret")).statusCode()).isEqualTo(401);
            assertThat(get(rest, "Basic !!!not-base64").statusCode()).isEqualTo(401);
            assertThat(get(rest, basic("alice", "s3cret")).statusCode()).isEqualTo(200);
            HttpResponse<String> unknownRoute = rest.send(HttpRequest.newBuilder(rest.uri("/nothing")).GET());
            assertThat(unknownRoute.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void disabledAuthenticationLetsEveryoneIn() throws Exception {
        try (RestFixture rest = new RestFixture(dir, "{\"RegisteredUsers\": {\"alice\": \"s3cret\"}}")) {
            assertThat(get(rest, null).statusCode()).isEqualTo(200);
            assertThat(get(rest, basic("alice", "wrong")).statusCode()).isEqualTo(200);
        }
    }
}
