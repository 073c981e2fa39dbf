package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator page under /ui/: served from the jar with its library, behind the REST API's authentication. */
class UiRoutesTest {
    @TempDir
    Path dir;

    private static HttpResponse<String> get(RestFixture rest, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(rest.uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return rest.send(request);
    }

    @Test
    void thePageAndItsLibraryAreServedFromTheJar() throws Exception {
        try (RestFixture rest = new RestFixture(dir, "{}")) {
            HttpResponse<String> bare = rest.get("/ui");
            assertThat(bare.statusCode()).isEqualTo(302);
            assertThat(bare.headers().firstValue("Location")).hasValue("/ui/");
            HttpResponse<String> page = rest.get("/ui/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            String library = page.body().replaceAll("(?s).*src=\"\\.\\./(webjars/alpinejs/[^\"]+)\".*", "$1");
            assertThat(library).matches("webjars/alpinejs/\\d+\\.\\d+\\.\\d+/dist/cdn\\.min\\.js");
            HttpResponse<String> script = rest.get("/" + library);
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).contains("Alpine");
            assertThat(rest.get("/ui/app.js").statusCode()).isEqualTo(200);
            HttpResponse<String> missing = rest.get("/ui/nothing.js");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(RestFixture.JSON.readTree(missing.body()).get("Message").asText()).isEqualTo("Unknown resource");
        }
    }

    @Test
    void thePageNeedsTheSameCredentialsAsTheApi() throws Exception {
        try (RestFixture rest = new RestFixture(dir,
                "{\"AuthenticationEnabled\": true, \"RegisteredUsers\": {\"alice\": \"s3cret\"}}")) {
            String alice = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
            for (String path : new String[] {"/ui/", "/ui/app.js", "/webjars/alpinejs/"}) {
                HttpResponse<String> refused = get(rest, path, null);
                assertThat(refused.statusCode()).as(path).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
            }
            assertThat(get(rest, "/ui/", alice).statusCode()).isEqualTo(200);
            assertThat(get(rest, "/ui/app.js", alice).statusCode()).isEqualTo(200);
        }
    }
}
