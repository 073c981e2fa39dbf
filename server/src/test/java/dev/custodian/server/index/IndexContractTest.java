package dev.custodian.server.index;

import static dev.custodian.server.index.TestInstances.attributes;
import static dev.custodian.server.index.TestInstances.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.server.store.StorageFullException;
import dev.custodian.server.store.StoredFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every index back end must do; subclasses provide the database. */
abstract class IndexContractTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    static final Reception FROM_CT = Reception.dicom("CT1", "127.0.0.1", "CUSTODIAN", NOW);

    private IndexDatabase db;
    Index index;

    abstract IndexDatabase openDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
        index = new Index(db, Clock.fixed(NOW, ZoneOffset.UTC), 0);
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    private StoreResult store(InstanceAttributes a, StoredFile f, boolean overwrite) throws StorageFullException {
        return index.storeInstance(a, f, FROM_CT, overwrite);
    }

    @Test
    void firstInstanceCreatesTheWholeHierarchyWithOrthancIds() throws Exception {
        InstanceAttributes a = attributes("P1", "1.2.3", "1.2.3.4", "1.2.3.4.5");
        StoredFile f = file(1234);
        StoreResult r = store(a, f, false);

        assertThat(r.status()).isEqualTo(StoreResult.Status.SUCCESS);
        assertThat(r.patientId()).isEqualTo(OrthancIds.patient("P1"));
        assertThat(r.studyId()).isEqualTo(OrthancIds.study("P1", "1.2.3"));
        assertThat(r.seriesId()).isEqualTo(OrthancIds.series("P1", "1.2.3", "1.2.3.4"));
        assertThat(r.instanceId()).isEqualTo(OrthancIds.instance("P1", "1.2.3", "1.2.3.4", "1.2.3.4.5"));
        assertThat(r.replacedFileUuid()).isNull();
        assertThat(index.statistics()).isEqualTo(new Statistics(1, 1, 1, 1, 1234));

        Resource patient = index.find(ResourceLevel.PATIENT, r.patientId()).orElseThrow();
        assertThat(patient.parentId()).isNull();
        assertThat(patient.children()).containsExactly(r.studyId());
        assertThat(patient.tags()).containsEntry(MainDicomTag.PATIENT_ID, "P1")
                .containsEntry(MainDicomTag.PATIENT_NAME, "Doe^P1");
        assertThat(patient.lastUpdate()).isEqualTo(NOW);
        Resource study = index.find(ResourceLevel.STUDY, r.studyId()).orElseThrow();
        assertThat(study.parentId()).isEqualTo(r.patientId());
        assertThat(study.children()).containsExactly(r.seriesId());
        assertThat(study.tags()).containsEntry(MainDicomTag.STUDY_DATE, "20260101");
        Resource series = index.find(ResourceLevel.SERIES, r.seriesId()).orElseThrow();
        assertThat(series.parentId()).isEqualTo(r.studyId());
        assertThat(series.tags()).containsEntry(MainDicomTag.MODALITY, "CT");
        Resource instance = index.find(ResourceLevel.INSTANCE, r.instanceId()).orElseThrow();
        assertThat(instance.parentId()).isEqualTo(r.seriesId());
        assertThat(instance.children()).isEmpty();
        assertThat(instance.tags()).containsEntry(MainDicomTag.INSTANCE_NUMBER, "3")
                .containsEntry(MainDicomTag.SOP_CLASS_UID, TestInstances.CT_IMAGE_STORAGE)
                .containsEntry(MainDicomTag.TRANSFER_SYNTAX_UID, "1.2.840.10008.1.2.1");
        assertThat(instance.file().file()).isEqualTo(f);
        assertThat(instance.file().reception()).isEqualTo(FROM_CT);
        assertThat(index.findInstanceBySopInstanceUid("1.2.3.4.5")).contains(instance);
        assertThat(index.findInstanceBySopInstanceUid("9.9")).isEmpty();
    }

    @Test
    void laterInstancesReuseTheirPatientStudyAndSeries() throws Exception {
        store(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), file(10), false);
        store(attributes("P1", "1.2", "1.2.1", "1.2.1.2"), file(20), false);
        store(attributes("P1", "1.2", "1.2.2", "1.2.2.1"), file(30), false);
        store(attributes("P1", "1.3", "1.3.1", "1.3.1.1"), file(40), false);
        store(attributes("P2", "2.1", "2.1.1", "2.1.1.1"), file(50), false);

        assertThat(index.statistics()).isEqualTo(new Statistics(2, 3, 4, 5, 150));
        Resource series = index.find(ResourceLevel.SERIES, OrthancIds.series("P1", "1.2", "1.2.1")).orElseThrow();
        assertThat(series.children()).containsExactly(
                OrthancIds.instance("P1", "1.2", "1.2.1", "1.2.1.1"), OrthancIds.instance("P1", "1.2", "1.2.1", "1.2.1.2"));
        assertThat(index.find(ResourceLevel.PATIENT, OrthancIds.patient("P1")).orElseThrow().children())
                .containsExactly(OrthancIds.study("P1", "1.2"), OrthancIds.study("P1", "1.3"));
    }

    @Test
    void duplicateIsKeptWithoutOverwrite() throws Exception {
        StoredFile first = file(10);
        StoreResult stored = store(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), first, false);
        StoreResult again = store(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), file(99), false);

        assertThat(again.status()).isEqualTo(StoreResult.Status.ALREADY_STORED);
        assertThat(again.instanceId()).isEqualTo(stored.instanceId());
        assertThat(again.seriesId()).isEqualTo(stored.seriesId());
        assertThat(again.studyId()).isEqualTo(stored.studyId());
        assertThat(again.patientId()).isEqualTo(stored.patientId());
        assertThat(again.replacedFileUuid()).isNull();
        assertThat(index.find(ResourceLevel.INSTANCE, stored.instanceId()).orElseThrow().file().file()).isEqualTo(first);
        assertThat(index.statistics()).isEqualTo(new Statistics(1, 1, 1, 1, 10));
    }

    @Test
    void duplicateIsReplacedWithOverwrite() throws Exception {
        StoredFile first = file(10);
        StoredFile second = file(20);
        store(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), first, true);
        StoreResult r = store(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), second, true);

        assertThat(r.status()).isEqualTo(StoreResult.Status.SUCCESS);
        assertThat(r.replacedFileUuid()).isEqualTo(first.uuid());
        assertThat(index.find(ResourceLevel.INSTANCE, r.instanceId()).orElseThrow().file().file()).isEqualTo(second);
        assertThat(index.statistics()).isEqualTo(new Statistics(1, 1, 1, 1, 20));
    }

    @Test
    void overwriteUnderAnotherPatientMovesTheInstanceAndDropsEmptyAncestors() throws Exception {
        store(attributes("OLD", "1.2", "1.2.1", "1.2.1.1"), file(10), true);
        StoreResult r = store(attributes("NEW", "1.2", "1.2.1", "1.2.1.1"), file(10), true);

        assertThat(r.patientId()).isEqualTo(OrthancIds.patient("NEW"));
        assertThat(index.find(ResourceLevel.PATIENT, OrthancIds.patient("OLD"))).isEmpty();
        assertThat(index.statistics()).isEqualTo(new Statistics(1, 1, 1, 1, 10));
    }

    @Test
    void deletingTheLastInstanceRemovesEmptyAncestors() throws Exception {
        StoredFile f = file(10);
        StoreResult r = store(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), f, false);

        DeleteResult d = index.delete(ResourceLevel.INSTANCE, r.instanceId()).orElseThrow();

        assertThat(d.fileUuids()).containsExactly(f.uuid());
        assertThat(d.remainingId()).isNull();
        assertThat(index.statistics()).isEqualTo(new Statistics(0, 0, 0, 0, 0));
        assertThat(index.delete(ResourceLevel.INSTANCE, r.instanceId())).isEmpty();
    }

    @Test
    void deletingASeriesKeepsTheStudyWithOtherSeries() throws Exception {
        StoredFile a = file(10);
        StoredFile b = file(20);
        store(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), a, false);
        store(attributes("P1", "1.2", "1.2.1", "1.2.1.2"), b, false);
        store(attributes("P1", "1.2", "1.2.2", "1.2.2.1"), file(30), false);

        DeleteResult d = index.delete(ResourceLevel.SERIES, OrthancIds.series("P1", "1.2", "1.2.1")).orElseThrow();

        assertThat(d.fileUuids()).containsExactlyInAnyOrder(a.uuid(), b.uuid());
        assertThat(d.remainingLevel()).isEqualTo(ResourceLevel.STUDY);
        assertThat(d.remainingId()).isEqualTo(OrthancIds.study("P1", "1.2"));
        assertThat(index.statistics()).isEqualTo(new Statistics(1, 1, 1, 1, 30));
        assertThat(index.findInstanceBySopInstanceUid("1.2.1.1")).isEmpty();
    }

    @Test
    void deletingAPatientCascadesToEveryFile() throws Exception {
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            StoredFile f = file(i + 1);
            uuids.add(f.uuid());
            store(attributes("P1", "1." + (i % 2), "1." + (i % 2) + "." + (i % 3), "1.9." + i), f, false);
        }
        store(attributes("P2", "2", "2.1", "2.1.1"), file(100), false);

        DeleteResult d = index.delete(ResourceLevel.PATIENT, OrthancIds.patient("P1")).orElseThrow();

        assertThat(d.fileUuids()).containsExactlyInAnyOrderElementsOf(uuids);
        assertThat(d.remainingId()).isNull();
        assertThat(index.statistics()).isEqualTo(new Statistics(1, 1, 1, 1, 100));
        assertThat(index.delete(ResourceLevel.STUDY, OrthancIds.study("P2", "2")).orElseThrow().fileUuids()).hasSize(1);
        assertThat(index.statistics()).isEqualTo(new Statistics(0, 0, 0, 0, 0));
    }

    @Test
    void listsInCreationOrderWithSinceAndLimit() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store(attributes("P", "1", "1.1", "1.1." + i), file(1), false).instanceId());
        }
        assertThat(index.list(ResourceLevel.INSTANCE, 0, 0)).containsExactlyElementsOf(ids);
        assertThat(index.list(ResourceLevel.INSTANCE, 1, 2)).containsExactly(ids.get(1), ids.get(2));
        assertThat(index.list(ResourceLevel.INSTANCE, 4, 10)).containsExactly(ids.get(4));
        assertThat(index.list(ResourceLevel.INSTANCE, 5, 0)).isEmpty();
        assertThat(index.list(ResourceLevel.PATIENT, 0, 0)).containsExactly(OrthancIds.patient("P"));
    }

    @Test
    void maximumStorageSizeRefusesAndLeavesNoRow() throws Exception {
        Index limited = new Index(db, Clock.fixed(NOW, ZoneOffset.UTC), 100);
        limited.storeInstance(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), file(60), FROM_CT, false);
        assertThatThrownBy(() -> limited.storeInstance(attributes("P2", "2", "2.1", "2.1.1"), file(41), FROM_CT, false))
                .isInstanceOf(StorageFullException.class).hasMessageContaining("MaximumStorageSize");
        assertThat(index.statistics()).isEqualTo(new Statistics(1, 1, 1, 1, 60));
        limited.storeInstance(attributes("P2", "2", "2.1", "2.1.1"), file(40), FROM_CT, false);
        assertThat(index.statistics().totalSize()).isEqualTo(100);
    }

    @Test
    void concurrentStoresOf200InstancesOnFourThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoreResult>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                // 5 patients, 10 studies, 20 series: threads race to create the same parents
                InstanceAttributes a = attributes("P" + n % 5, "1." + n % 10, "1." + n % 10 + "." + n % 20, "1.5." + n);
                results.add(pool.submit(() -> store(a, file(n), false)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<StoreResult> f : results) {
                StoreResult r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(StoreResult.Status.SUCCESS);
                ids.add(r.instanceId());
            }
            assertThat(ids).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.statistics()).isEqualTo(new Statistics(5, 10, 20, 200, 199 * 200 / 2));
    }

    @Test
    void concurrentDuplicatesEndWithOneInstance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoreResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> store(attributes("P", "1", "1.1", "1.1.1"), file(5), false)));
            }
            int stored = 0;
            for (Future<StoreResult> f : results) {
                if (f.get(60, TimeUnit.SECONDS).status() == StoreResult.Status.SUCCESS) {
                    stored++;
                }
            }
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.statistics()).isEqualTo(new Statistics(1, 1, 1, 1, 5));
    }

    @Test
    void dataSurvivesReopening() throws Exception {
        StoreResult r = store(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), file(10), false);
        db.close();
        db = openDatabase();
        index = new Index(db, Clock.fixed(NOW, ZoneOffset.UTC), 0);
        assertThat(index.find(ResourceLevel.INSTANCE, r.instanceId())).isPresent();
    }

    @Test
    void modalitiesArePutReplacedAndDeleted() {
        assertThat(index.modalityDefinitions()).isEmpty();
        index.putModality("b", "{\"AET\":\"B\"}");
        index.putModality("a", "{\"AET\":\"A\"}");
        index.putModality("b", "{\"AET\":\"B2\"}");
        assertThat(index.modalityDefinitions()).containsExactly(
                java.util.Map.entry("a", "{\"AET\":\"A\"}"), java.util.Map.entry("b", "{\"AET\":\"B2\"}"));
        assertThat(index.deleteModality("a")).isTrue();
        assertThat(index.deleteModality("a")).isFalse();
        assertThat(index.modalityDefinitions()).containsOnlyKeys("b");
    }

    @Test
    void restUploadsHaveNoAeTitle() throws Exception {
        Reception rest = Reception.rest("10.0.0.1", NOW);
        StoreResult r = index.storeInstance(attributes("P1", "1.2", "1.2.1", "1.2.1.1"), file(10), rest, false);
        assertThat(index.find(ResourceLevel.INSTANCE, r.instanceId()).orElseThrow().file().reception()).isEqualTo(rest);
    }
}
