package dev.custodian.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.dicom.ScuException;
import dev.custodian.server.dicom.StoreOutcome;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.tls.DicomTls;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DicomModalityStore job's saved state, Content and failures that need no network. */
class StoreJobTest {
    private IndexDatabase db;
    private Modalities modalities;
    private StoreJobType type;

    @BeforeEach
    void open(@TempDir Path dir) {
        db = IndexDatabase.sqlite(dir.resolve("index.db"));
        modalities = new Modalities(Map.of("pacs", RemoteModality.of("PACS", "127.0.0.1", 104)),
                new Index(db, Clock.systemUTC(), 0));
        type = new StoreJobType(new ModalityScu("CUSTODIAN", 10, 16384, null, null, DicomTls.none()), modalities, 2);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void contentIsOrthancsAndTheStateRoundTrips() {
        Job job = type.create("pacs", modalities.get("pacs").orElseThrow(), List.of("i1", "i2", "i3"), List.of("study"),
                false);
        ObjectNode content = job.content();
        assertThat(content.get("Description").asText()).isEqualTo("REST API");
        assertThat(content.get("InstancesCount").asInt()).isEqualTo(3);
        assertThat(content.get("FailedInstancesCount").asInt()).isZero();
        assertThat(content.get("LocalAet").asText()).isEqualTo("CUSTODIAN");
        assertThat(content.get("RemoteAet").asText()).isEqualTo("PACS");
        assertThat(content.get("ParentResources").get(0).asText()).isEqualTo("study");
        ObjectNode saved = job.serialize().put("Position", 2);
        Job restored = type.restore(saved);
        assertThat(restored.progress()).isEqualTo(66);
        assertThat(restored.serialize()).isEqualTo(saved);
        restored.reset();
        assertThat(restored.progress()).isZero();
    }

    @Test
    void aBrokenSavedStateIsRefusedNamingTheField() {
        ObjectNode saved = type.create("pacs", modalities.get("pacs").orElseThrow(), List.of("i1"), List.of("s"), false)
                .serialize();
        assertThatThrownBy(() -> type.restore(saved.deepCopy().put("Position", 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Position");
        ObjectNode noInstances = saved.deepCopy();
        noInstances.remove("Instances");
        assertThatThrownBy(() -> type.restore(noInstances)).hasMessageContaining("Instances");
    }

    @Test
    void aModalityRemovedSinceSubmissionFailsTheJob() throws Exception {
        ObjectNode saved = type.create("pacs", modalities.get("pacs").orElseThrow(), List.of("i1"), List.of("s"), false)
                .serialize().put("Modality", "gone");
        StoreJob job = (StoreJob) type.restore(saved);
        StepResult r = job.step(new JobContext("j", Clock.systemUTC(), () -> false));
        assertThat(r).isInstanceOfSatisfying(StepResult.Failure.class, f -> {
            assertThat(f.error().code()).isEqualTo(7);
            assertThat(f.error().details()).contains("gone");
        });
        assertThat(job.holdsAssociation()).as("no association opened for a failed step").isFalse();
    }

    @Test
    void aPeerThatVanishesMidBatchFailsTheJobWithProgressCountingWhatWasStored() throws Exception {
        List<List<String>> batches = new ArrayList<>();
        StoreJob.Sender sender = (m, batch, permissive, held, upcoming) -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 2) {
                throw new ScuException("C-STORE of instance i6 failed: Association with PACS ended: ABORTED_BY_PEER", 1);
            }
            return new StoreOutcome("CUSTODIAN", "PACS", batch.size(), List.of());
        };
        StoreJob job = new StoreJob(sender, modalities, 4, new StoreJob.Request("pacs", "CUSTODIAN", "PACS",
                List.of("i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8"), List.of("s"), false, "REST API"));
        JobContext context = new JobContext("j", Clock.systemUTC(), () -> false);
        assertThat(job.step(context)).isInstanceOf(StepResult.Continue.class);
        StepResult r = job.step(context);
        assertThat(r).isInstanceOfSatisfying(StepResult.Failure.class, f -> {
            assertThat(f.error().code()).isEqualTo(9);
            assertThat(f.error().details()).contains("i6", "PACS", "ABORTED_BY_PEER");
        });
        assertThat(batches).containsExactly(List.of("i1", "i2", "i3", "i4"), List.of("i5", "i6", "i7", "i8"));
        assertThat(job.progress()).as("5 of 8 stored").isEqualTo(62);
        assertThat(job.serialize().get("Position").asInt()).isEqualTo(5);
        assertThat(job.holdsAssociation()).isFalse();
        job.reset();
        assertThat(job.progress()).as("a resubmit sends everything again").isZero();
    }

    @Test
    void aJobThatHoldsNoAssociationClosesQuietlyAnyNumberOfTimes() {
        StoreJob job = (StoreJob) type.create("pacs", modalities.get("pacs").orElseThrow(), List.of("i1"), List.of("s"),
                false);
        assertThat(job.holdsAssociation()).isFalse();
        job.close();
        job.close();
        assertThat(job.holdsAssociation()).isFalse();
        assertThat(job.progress()).as("closing changes no progress or saved state").isZero();
        assertThat(job.serialize().get("Position").asInt()).isZero();
    }
}
