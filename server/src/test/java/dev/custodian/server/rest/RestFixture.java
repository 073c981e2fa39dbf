package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.config.ConfigLoader;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.store.InMemoryStorageArea;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** A REST server on a free port of 127.0.0.1 over an in-memory storage area and a SQLite index. */
final class RestFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    final InMemoryStorageArea storage = new InMemoryStorageArea(0, UUID::randomUUID);
    final IndexDatabase db;
    final Archive archive;
    final RestServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param indexClock stamps the rows; {@code restClock} decides stability (IsStable) */
    RestFixture(Path dir, String configJson, Clock indexClock, Clock restClock) {
        CustodianConfig config = ConfigLoader.parse(configJson, dir).withPorts(0, 0);
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        archive = new Archive(storage, new Index(db, indexClock, 0), false);
        server = new RestServer(config, archive, new Modalities(config.dicomModalities(), archive.index()),
                "1.2.3-test", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), restClock).start();
    }

    RestFixture(Path dir, String configJson) {
        this(dir, configJson, Clock.fixed(NOW, ZoneOffset.UTC), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
