package dev.custodian.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @org.junit.jupiter.api.AfterEach
    void resetLogLevel() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
    }

    private int run(Main.WhileRunning whileRunning, String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), whileRunning);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path config(String json) throws Exception {
        Path file = dir.resolve("custodian.json");
        Files.writeString(file, json);
        return file;
    }

    private static Main.WhileRunning mustNotStart() {
        return app -> {
            throw new AssertionError("the server must not start");
        };
    }

    @Test
    void unknownKeyExitsWithCode2AndOneLineNamingIt() throws Exception {
        int code = run(mustNotStart(), config("{\"DicomAet\": \"A\", \"HttpPrt\": 80}").toString());
        assertThat(code).isEqualTo(2);
        assertThat(stderr().lines()).hasSize(1);
        assertThat(stderr()).contains("HttpPrt").contains("unknown key");
    }

    @Test
    void unknownStorageCommitmentCheckExitsWithCode2NamingTheKey() throws Exception {
        String storage = dir.resolve("s").toString();
        int code = run(mustNotStart(), config("{\"DicomPort\": 0, \"HttpPort\": 0, \"StorageDirectory\": \""
                + storage + "\", \"DicomModalities\": {\"ct\": {\"AET\": \"CT\", \"Host\": \"127.0.0.1\", "
                + "\"Port\": 104, \"StorageCommitmentCheck\": \"Checksumm\"}}}").toString());
        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("DicomModalities.ct.StorageCommitmentCheck").contains("Checksumm")
                .contains("Checksum, File, Index");
    }

    @Test
    void illTypedKeyExitsWithCode2() throws Exception {
        int code = run(mustNotStart(), config("{\"DicomPort\": true}").toString());
        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("DicomPort").contains("must be an integer");
    }

    @Test
    void malformedOrMissingFileExitsWithCode2() throws Exception {
        assertThat(run(mustNotStart(), config("{\"DicomPort\": ").toString())).isEqualTo(2);
        assertThat(stderr()).contains("not valid JSON");
        assertThat(run(mustNotStart(), dir.resolve("absent.json").toString())).isEqualTo(2);
        assertThat(stderr()).contains("absent.json");
    }

    @Test
    void aPluginThatDoesNotLoadExitsWithCode2AndOneLineNamingPlugins() throws Exception {
        Files.write(dir.resolve("broken.jar"), new byte[] {'P', 'K', 0, 0});
        int code = run(mustNotStart(), config("{\"Plugins\": [\"broken.jar\"], \"DicomPort\": 0, \"HttpPort\": 0}")
                .toString());
        assertThat(code).isEqualTo(2);
        assertThat(stderr().lines()).hasSize(1);
        assertThat(stderr()).contains("configuration key \"Plugins\"").contains(dir.resolve("broken.jar").toString())
                .contains("not a readable jar");
        assertThat(run(mustNotStart(), config("{\"Plugins\": [\"nowhere\"], \"DicomPort\": 0, \"HttpPort\": 0}")
                .toString())).isEqualTo(2);
        assertThat(stderr()).contains("nowhere does not exist");
    }

    @Test
    void badCommandLineExitsWithCode2() {
        assertThat(run(mustNotStart(), "--no-such-option")).isEqualTo(2);
        assertThat(run(mustNotStart(), "a.json", "b.json")).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        assertThat(run(mustNotStart(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--verbose").contains("config.json");
        assertThat(run(mustNotStart(), "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Custodian");
    }

    @Test
    void postgresIndexIsChosenByTheOrthancPluginKeys() throws Exception {
        try (dev.custodian.server.index.PostgresTestDatabase pg = new dev.custodian.server.index.PostgresTestDatabase()) {
            var c = pg.config();
            Path file = config(String.format("""
                    {"HttpPort": 0, "DicomPort": 0, "StorageDirectory": "store",
                     "PostgreSQL": {"EnableIndex": true, "EnableStorage": false, "Host": "%s", "Port": %d,
                                    "Database": "%s", "Username": "%s", "Password": "%s"}}""",
                    c.host(), c.port(), c.database(), c.username(), c.password()));
            AtomicReference<String> description = new AtomicReference<>();
            assertThat(run(app -> description.set(app.indexDescription()), file.toString())).isZero();
            assertThat(description.get()).startsWith("PostgreSQL").contains(c.database());
            assertThat(dir.resolve("store").resolve("custodian-index.db")).doesNotExist();
        }
    }

    @Test
    void goodConfigurationStartsServesAndStops() throws Exception {
        Path file = config("""
                { // a real start on free ports
                  "Name": "cli-test", "HttpPort": 0, "DicomPort": 0, "StorageDirectory": "store" }""");
        AtomicReference<String> system = new AtomicReference<>();
        AtomicReference<Integer> port = new AtomicReference<>();
        int code = run(app -> {
            port.set(app.httpPort());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            try {
                system.set(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/system"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }, "--verbose", file.toString());
        assertThat(code).isZero();
        assertThat(system.get()).contains("\"Name\" : \"cli-test\"");
        assertThat(dir.resolve("store").resolve("custodian-index.db")).exists();
        // stopped: the port no longer answers
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + "/system")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void eachToolHasItsHelpWithTheExitCodes() {
        for (String tool : new String[] {"echo", "store", "stgcmt"}) {
            out.reset();
            assertThat(run(mustNotStart(), tool, "--help")).isZero();
            String help = out.toString(StandardCharsets.UTF_8);
            assertThat(help).startsWith("Usage: custodian " + tool).contains("-c, --connect=AET@host:port",
                    "--timeout=DURATION", "Exit codes:", "  3   peer unreachable");
        }
        out.reset();
        assertThat(run(mustNotStart(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("config.json", "echo", "store", "stgcmt");
    }

    @Test
    void aBadToolCommandLineIsOneLineAndExitCode4() {
        assertThat(run(mustNotStart(), "store", "-c", "PACS@host:104")).isEqualTo(4);
        assertThat(stderr().lines()).singleElement().asString()
                .startsWith("custodian store: Missing required parameter: 'FILE|DIR'").endsWith("(custodian store --help)");
        err.reset();
        assertThat(run(mustNotStart(), "stgcmt", "-c", "PACS")).isEqualTo(4);
        assertThat(stderr().lines()).singleElement().asString().contains("expected AET@host:port, got 'PACS'");
        err.reset();
        assertThat(run(mustNotStart(), "stgcmt", "-c", "PACS@host:104")).isEqualTo(4);
        assertThat(stderr()).contains("give DICOM files or folders, or --uid");
    }

    @Test
    void aToolWithNoDicomFileIsExitCode5AndNeverStartsTheServer() throws Exception {
        Path texts = Files.createDirectories(dir.resolve("texts"));
        Files.writeString(texts.resolve("a.txt"), "hello");
        assertThat(run(mustNotStart(), "stgcmt", "-c", "PACS@127.0.0.1:1", texts.toString())).isEqualTo(5);
        assertThat(stderr().lines()).containsExactly("custodian stgcmt: no DICOM file in " + texts
                + " (1 file not DICOM, 0 unreadable)");
        assertThat(dir.resolve("index")).doesNotExist();
    }
}
