package dev.custodian.server.commit.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexDatabase;
import dev.custodian.server.index.InstanceAttributes;
import dev.custodian.server.index.MainDicomTag;
import dev.custodian.server.index.Reception;
import dev.custodian.server.index.Verifications;
import dev.custodian.server.store.InMemoryStorageArea;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in check fails an instance that storage verification marked, even when its own test would pass. */
class MarkedDamagedTest {
    private static final String SC = "1.2.840.10008.5.1.4.1.1.7";

    @Test
    void aMarkedInstanceIs0110HUnderIndexFileAndChecksumAndAClearedMarkCommitsAgain(@TempDir Path dir)
            throws Exception {
        try (IndexDatabase db = IndexDatabase.sqlite(dir.resolve("index.db"))) {
            InMemoryStorageArea storage = new InMemoryStorageArea(0, UUID::randomUUID);
            Index index = new Index(db, Clock.systemUTC(), 0);
            Archive archive = new Archive(storage, index, false);
            for (String uid : List.of("1.9.1", "1.9.2")) {
                Map<MainDicomTag, String> v = new EnumMap<>(MainDicomTag.class);
                v.put(MainDicomTag.PATIENT_ID, "P");
                v.put(MainDicomTag.STUDY_INSTANCE_UID, "1.9");
                v.put(MainDicomTag.SERIES_INSTANCE_UID, "1.9.0");
                v.put(MainDicomTag.SOP_INSTANCE_UID, uid);
                v.put(MainDicomTag.SOP_CLASS_UID, SC);
                archive.store(new ByteArrayInputStream(new byte[10]), new InstanceAttributes(v),
                        Reception.rest("127.0.0.1", Clock.systemUTC().instant()));
            }
            Verifications verifications = new Verifications(db, Clock.systemUTC());
            Verifications.Target marked = verifications.next(Verifications.Scope.ALL, 0, 1).get(0);
            verifications.record("job", List.of(new Verifications.Outcome(marked, Verifications.Problem.CORRUPTED,
                    "SHA-256 differs")));
            CommitmentChecks checks = CommitmentChecks.builtIn(index, storage);
            List<SopReference> refs = List.of(new SopReference(SC, "1.9.1"), new SopReference(SC, "1.9.2"));
            CheckedTransaction tx = new CheckedTransaction("j", "1.2.3", "MOD", "CUSTODIAN", 2, each -> refs.forEach(each));
            for (String name : List.of("Index", "File", "Checksum")) {
                List<Verdict> v = checks.find(name).orElseThrow().open(tx).check(refs);
                assertThat(v.get(0).failure()).as(name).contains(FailureReason.PROCESSING_FAILURE);
                assertThat(v.get(0).description()).contains("storage verification");
                assertThat(v.get(1).committed()).as(name).isTrue();
            }
            verifications.record("job2", List.of(new Verifications.Outcome(marked, null, "")));
            assertThat(checks.find("File").orElseThrow().open(tx).check(refs)).allMatch(Verdict::committed);
        }
    }
}
