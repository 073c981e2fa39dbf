package dev.custodian.server.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.InstanceAttributes;
import dev.custodian.server.index.MainDicomTag;
import dev.custodian.server.index.Reception;
import dev.custodian.server.index.ResourceLevel;
import dev.custodian.server.index.StoreResult;
import dev.custodian.server.index.Verifications;
import dev.custodian.server.jobs.Job;
import dev.custodian.server.jobs.JobContext;
import dev.custodian.server.jobs.StepResult;
import dev.custodian.server.store.InMemoryStorageArea;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on SQLite; {@link PostgresStorageVerificationJobTest} runs the same on PostgreSQL. */
class StorageVerificationJobTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Reception FROM_CT = Reception.dicom("CT1", "127.0.0.1", "CUSTODIAN", CLOCK.instant());

    @TempDir
    Path dir;
    private IndexDatabase db;
    private final InMemoryStorageArea storage = new InMemoryStorageArea(0, UUID::randomUUID);
    private Archive archive;
    private Verifications verifications;
    private StorageVerificationJobType type;

    /** The database under test. */
    IndexDatabase openDatabase(Path dir) throws Exception {
        return IndexDatabase.sqlite(dir.resolve("index.db"));
    }

    @BeforeEach
    void open() throws Exception {
        db = openDatabase(dir);
        archive = new Archive(storage, new Index(db, CLOCK, 0), false);
        verifications = new Verifications(db, CLOCK);
        type = new StorageVerificationJobType(verifications, storage, 0, 2);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        dropDatabase();
    }

    void dropDatabase() throws Exception {
    }

    private StoreResult store(String series, String sop, int size) throws Exception {
        Map<MainDicomTag, String> v = new EnumMap<>(MainDicomTag.class);
        v.put(MainDicomTag.PATIENT_ID, "P");
        v.put(MainDicomTag.STUDY_INSTANCE_UID, "1.2");
        v.put(MainDicomTag.SERIES_INSTANCE_UID, series);
        v.put(MainDicomTag.SOP_INSTANCE_UID, sop);
        v.put(MainDicomTag.SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.7");
        return archive.store(new ByteArrayInputStream(new byte[size]), new InstanceAttributes(v), FROM_CT);
    }

    private String fileOf(StoreResult r) {
        return archive.index().find(ResourceLevel.INSTANCE, r.instanceId()).orElseThrow().file().file().uuid();
    }

    /** Runs the job to its end as the engine would, saving and restoring it between steps. */
    private Job runToEnd(Job job, String id) throws Exception {
        JobContext ctx = new JobContext(id, CLOCK, () -> false);
        for (int i = 0; i < 100; i++) {
            StepResult r = job.step(ctx);
            job = type.restore(job.serialize());
            if (r instanceof StepResult.Success) {
                return job;
            }
            assertThat(r).isInstanceOf(StepResult.Continue.class);
        }
        throw new AssertionError("the job did not end");
    }

    @Test
    void missingAndDamagedFilesAreFoundMarkedAndReportedAndARepairClearsTheMark() throws Exception {
        StoreResult good = store("1.2.1", "1.2.1.1", 100);
        StoreResult gone = store("1.2.1", "1.2.1.2", 100);
        StoreResult rotten = store("1.2.2", "1.2.2.1", 100);
        StoreResult resized = store("1.2.2", "1.2.2.2", 100);
        store("1.2.2", "1.2.2.3", 100);
        storage.delete(fileOf(gone));
        byte[] flipped = new byte[100];
        flipped[50] = 1;
        storage.overwrite(fileOf(rotten), flipped);
        storage.overwrite(fileOf(resized), new byte[99]);

        Job job = runToEnd(type.create(Verifications.Scope.ALL, "test").orElseThrow(), "job-1");
        JsonNode content = job.content();
        assertThat(content.get("CheckedInstancesCount").asLong()).isEqualTo(5);
        assertThat(content.get("IntactInstancesCount").asLong()).isEqualTo(2);
        assertThat(content.get("MissingInstancesCount").asLong()).isEqualTo(1);
        assertThat(content.get("DamagedInstancesCount").asLong()).isEqualTo(2);
        assertThat(content.get("BytesRead").asLong()).isEqualTo(399);
        assertThat(job.progress()).isEqualTo(100);

        JsonNode report = type.report("job-1");
        List<String> problems = new ArrayList<>();
        report.get("Instances").forEach(n -> problems.add(n.get("SOPInstanceUID").asText() + " " + n.get("Problem").asText()));
        assertThat(problems).containsExactlyInAnyOrder("1.2.1.2 Missing", "1.2.2.1 Damaged", "1.2.2.2 Damaged");
        assertThat(report.get("Instances").toString()).contains("SHA-256").contains("size 99 bytes, recorded 100");
        assertThat(verifications.markedDamaged(List.of("1.2.1.1", "1.2.1.2", "1.2.2.1", "1.2.2.2", "1.2.2.3")))
                .containsExactlyInAnyOrder("1.2.1.2", "1.2.2.1", "1.2.2.2");
        assertThat(verifications.isMarkedDamaged("1.2.1.1")).isFalse();

        storage.overwrite(fileOf(rotten), new byte[100]); // restored from a backup
        String seriesId = archive.index().find(ResourceLevel.INSTANCE, rotten.instanceId()).orElseThrow().parentId();
        Job again = runToEnd(type.create(new Verifications.Scope(ResourceLevel.SERIES, seriesId), "again").orElseThrow(),
                "job-2");
        assertThat(again.content().get("CheckedInstancesCount").asLong()).isEqualTo(3);
        assertThat(verifications.isMarkedDamaged("1.2.2.1")).isFalse();
        assertThat(verifications.isMarkedDamaged("1.2.2.2")).isTrue();
        assertThat(verifications.isMarkedDamaged("1.2.1.2")).isTrue(); // outside the series: untouched
        assertThat(type.report("job-2").get("Instances")).hasSize(1);
        assertThat(good.instanceId()).isNotNull();
    }

    @Test
    void deletingAMarkedInstanceRemovesItsMarkAndUnknownResourcesGiveNoJob() throws Exception {
        StoreResult gone = store("1.2.1", "1.2.1.9", 10);
        storage.delete(fileOf(gone));
        runToEnd(type.create(Verifications.Scope.ALL, "t").orElseThrow(), "job-3");
        assertThat(verifications.isMarkedDamaged("1.2.1.9")).isTrue();
        archive.delete(ResourceLevel.INSTANCE, gone.instanceId());
        assertThat(verifications.isMarkedDamaged("1.2.1.9")).isFalse();
        assertThat(type.create(new Verifications.Scope(ResourceLevel.STUDY, "nope"), "t")).isEmpty();
    }

    @Test
    void aStopRequestEndsTheStepEarlyAndTheNextStepGoesOnFromThere() throws Exception {
        for (int i = 1; i <= 3; i++) {
            store("1.2.1", "1.2.1." + i, 10);
        }
        Job job = type.create(Verifications.Scope.ALL, "t").orElseThrow();
        StepResult first = job.step(new JobContext("job-4", CLOCK, () -> true)); // pause asked: one instance done
        assertThat(first).isInstanceOf(StepResult.Continue.class);
        assertThat(job.content().get("CheckedInstancesCount").asLong()).isEqualTo(1);
        Job resumed = runToEnd(type.restore(job.serialize()), "job-4");
        assertThat(resumed.content().get("CheckedInstancesCount").asLong()).isEqualTo(3);
        assertThat(resumed.content().get("IntactInstancesCount").asLong()).isEqualTo(3);
    }

    @Test
    void theThrottleKeepsTheRate() throws Exception {
        long[] now = {0};
        List<Long> sleeps = new ArrayList<>();
        Throttle t = new Throttle(1000, () -> now[0], nanos -> {
            sleeps.add(nanos);
            now[0] += nanos;
        });
        t.read(500); // 0.5 s worth at 1000 B/s
        t.read(500);
        assertThat(sleeps).containsExactly(500_000_000L, 500_000_000L);
        now[0] += 2_000_000_000L; // slow reads: no waiting
        t.read(1000);
        assertThat(sleeps).hasSize(2);
        Throttle unlimited = new Throttle(0, () -> 0, nanos -> sleeps.add(nanos));
        unlimited.read(1_000_000);
        assertThat(sleeps).hasSize(2);
    }
}
