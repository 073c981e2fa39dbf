package dev.custodian.bench.commit;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.UuidUidGenerator;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a target's index the way a site's would be filled over HTTP: each instance a real Part 10
 * file (Secondary Capture, no pixel data, one patient, a study per 100 and a series per 50
 * instances) sent to {@code POST /instances}, so it is stored, fsynced and indexed as any other.
 * Not C-STORE: the benchmark times the commitment, and filling 100,000 instances by C-STORE would
 * take most of the run.
 */
final class InstanceLoader {
    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    private InstanceLoader() {}

    static void load(int httpPort, int count, Path manifest, int threads) throws Exception {
        UuidUidGenerator uids = new UuidUidGenerator();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI target = URI.create("http://127.0.0.1:" + httpPort + "/instances");
        String study = uids.newUid();
        String series = uids.newUid();
        List<String> lines = new ArrayList<>(count);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                if (i % 100 == 0) { // 10,000 instances: 100 studies for GET /studies?expand to list
                    study = uids.newUid();
                }
                if (i % 50 == 0) {
                    series = uids.newUid();
                }
                String instance = uids.newUid();
                byte[] file = part10(instance, study, series);
                lines.add(SECONDARY_CAPTURE + " " + instance);
                sent.add(pool.submit(() -> post(http, target, file)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Files.write(manifest, lines, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        double s = (System.nanoTime() - t0) / 1e9;
        System.err.printf("loaded %d instances over HTTP in %.1f s (%.0f/s, %d parallel uploads)%n", count, s,
                count / s, threads);
    }

    private static Void post(HttpClient http, URI target, byte[] file) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/dicom").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("POST /instances answered " + r.statusCode() + ": " + r.body());
        }
        return null;
    }

    static byte[] part10(String instance, String study, String series) throws IOException {
        DataSet ds = new DataSet()
                .setString(Tag.SOPClassUID, VR.UI, SECONDARY_CAPTURE)
                .setString(Tag.SOPInstanceUID, VR.UI, instance)
                .setString(Tag.Modality, VR.CS, "OT")
                .setString(Tag.PatientName, VR.PN, "COMMIT^BENCH")
                .setString(Tag.PatientID, VR.LO, "COMMIT-BENCH")
                .setString(Tag.StudyInstanceUID, VR.UI, study)
                .setString(Tag.SeriesInstanceUID, VR.UI, series);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        new Part10Writer().write(out, FileMetaInformation.of(SECONDARY_CAPTURE, instance, Uid.ExplicitVRLittleEndian),
                ds);
        return out.toByteArray();
    }
}
