package dev.custodian.interop.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Tools;
import dev.custodian.server.cli.Application;
import dev.custodian.server.config.ConfigLoader;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus file as sent and the copy Custodian keeps: a Custodian started in-process for the
 * sending tests, the originals read by the dcmdump oracle, and the comparison of a stored copy
 * ({@code GET /instances/{id}/file}) with its original: transfer syntax (meta (0002,0010)), then
 * the data set element by element ({@link DumpDiff#compareReencoded}; the meta header is the
 * archive's).
 */
final class StoredCopies {
    static final String AET = "CUSTODIAN";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A corpus file: its dcmdump, the data set's SOP Instance UID and the meta header's transfer syntax. */
    record Original(String name, DcmdumpOutput dump, String sopInstanceUid, String transferSyntaxUid) {
        Path path() {
            return Corpus.resolve(name);
        }
    }

    private StoredCopies() {
    }

    /** Custodian with {@code extraJson} keys, DICOM on 127.0.0.1, both ports chosen now. */
    static Application start(Path dir, String extraJson) throws IOException {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        String json = "{ \"DicomAet\": \"" + AET + "\", \"DicomPort\": 0, \"HttpPort\": 0, \"StorageDirectory\": "
                + JSON.writeValueAsString(storage.toString()) + (extraJson.isEmpty() ? "" : ", " + extraJson) + " }";
        return Application.start(ConfigLoader.parse(json, dir), "127.0.0.1", "it", Clock.systemUTC());
    }

    /** The file read by dcmdump, or empty when dcmdump cannot read it (its diagnostics then go to {@code problems}). */
    static java.util.Optional<Original> read(String name, List<String> problems) {
        Tools.Streams dump = Dcmdump.run(Corpus.resolve(name));
        if (dump.exitCode() != 0) {
            problems.add(name + ": dcmdump cannot read the original: " + dump.diagnostics());
            return java.util.Optional.empty();
        }
        DcmdumpOutput d = DcmdumpParser.raw().parse(dump.stdoutLatin1());
        String uid = uid(d.dataSet(), 0x00080018);
        return java.util.Optional.of(new Original(name, d, uid.isEmpty() ? uid(d.meta(), 0x00020003) : uid,
                uid(d.meta(), 0x00020010)));
    }

    /** A UI value as text; a UI element written as UN (some corpus files do) is decoded from its bytes. */
    private static String uid(List<DumpElement> elements, int tag) {
        return elements.stream().filter(e -> e.tag() == tag).findFirst()
                .map(e -> e.vr().equals("UN") ? new String(DumpValues.toBytes("UN", e.value()),
                        StandardCharsets.ISO_8859_1) : e.value())
                .map(v -> v.replace("\0", "").trim()).orElse("");
    }

    /** The originals split so that no round holds two files with one SOP Instance UID. */
    static List<List<Original>> rounds(List<Original> originals) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<Original>> rounds = new ArrayList<>();
        for (Original o : originals) {
            int round = seen.merge(o.sopInstanceUid(), 1, Integer::sum) - 1;
            while (rounds.size() <= round) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(o);
        }
        return rounds;
    }

    /**
     * The differences between the stored copy {@code id} and {@code o}: a transfer syntax other
     * than {@code expectedSyntax}, then each data set difference.
     */
    static List<String> compare(int httpPort, String id, Original o, String expectedSyntax, Path work)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> file = Http.getBytes(httpPort, "/instances/" + id + "/file");
        if (file.statusCode() != 200) {
            return List.of("GET /instances/" + id + "/file → HTTP " + file.statusCode());
        }
        Path copy = Files.write(Files.createDirectories(work).resolve(id + ".dcm"), file.body());
        DcmdumpOutput back = DcmdumpParser.raw().parse(Dcmdump.run(copy).requireSuccess().stdoutLatin1());
        List<String> out = new ArrayList<>();
        String stored = uid(back.meta(), 0x00020010);
        if (!stored.equals(expectedSyntax)) {
            out.add("stored in " + stored + ", expected " + expectedSyntax + " (the file is " + o.transferSyntaxUid()
                    + ")");
        }
        boolean implicit = o.dump().dataSetTransferSyntax().equals("Little Endian Implicit");
        out.addAll(DumpDiff.compareReencoded(o.dump().dataSet(), back.dataSet(), implicit));
        return out;
    }

    /** SOP Instance UID → instance ID of everything stored, from {@code GET /instances?expand}. */
    static Map<String, String> stored(int httpPort) throws IOException, InterruptedException {
        HttpResponse<String> r = Http.get(httpPort, "/instances?expand");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, String> out = new HashMap<>();
        JSON.readTree(r.body()).forEach(i -> out.put(i.get("MainDicomTags").get("SOPInstanceUID").asText(),
                i.get("ID").asText()));
        return out;
    }

    /** Deletes every instance (DELETE /instances/{id}) so that the next round starts empty. */
    static void deleteAll(int httpPort) throws IOException, InterruptedException {
        for (String id : stored(httpPort).values()) {
            HttpResponse<Void> r = Http.send(HttpRequest.newBuilder(Http.uri(httpPort, "/instances/" + id)).DELETE(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).as("DELETE /instances/%s", id).isEqualTo(200);
        }
        assertThat(stored(httpPort)).as("instances left").isEmpty();
    }
}
