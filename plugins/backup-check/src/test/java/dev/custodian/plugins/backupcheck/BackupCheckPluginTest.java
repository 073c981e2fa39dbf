package dev.custodian.plugins.backupcheck;

import static dev.custodian.plugins.backupcheck.Part10Files.CT;
import static dev.custodian.plugins.backupcheck.Part10Files.MR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.commit.spi.CheckUnavailableException;
import dev.custodian.commit.spi.CommitmentAnswer;
import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.CommitmentTransaction;
import dev.custodian.commit.spi.FailureReason;
import dev.custodian.commit.spi.InstanceReference;
import dev.custodian.commit.spi.PluginContext;
import dev.custodian.commit.spi.StorageCommitmentPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCheckPluginTest {
    @TempDir
    Path dir;

    private Path backup() {
        return dir.resolve("backup");
    }

    private BackupCheckPlugin started(String properties) throws Exception {
        Path jar = dir.resolve("plugins/custodian-backup-check.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar.getParent().resolve("backup-check.properties"), properties);
        BackupCheckPlugin plugin = new BackupCheckPlugin();
        plugin.start(context(jar));
        return plugin;
    }

    private static PluginContext context(Path location) {
        return new PluginContext() {
            public Path location() { return location; }
            public String localAet() { return "CUSTODIAN"; }
        };
    }

    private static CommitmentTransaction tx(InstanceReference... refs) {
        return CommitmentTransaction.of("job-1", "2.25.1", "CT1", "CUSTODIAN", Arrays.asList(refs));
    }

    @Test
    void commitsWhatHasACopyNamedByStorescpAndFailsTheRest() throws Exception {
        Part10Files.write(backup().resolve("st_1.2.3/CT.1.2.3.1"), CT, "1.2.3.1");
        Part10Files.write(backup().resolve("1.2.3.2.dcm"), CT, "1.2.3.2");
        BackupCheckPlugin plugin = started("folder = ../backup\n");
        try (CommitmentLookup lookup = plugin.open(tx(new InstanceReference(CT, "1.2.3.1"),
                new InstanceReference(CT, "1.2.3.2"), new InstanceReference(CT, "1.2.3.3")))) {
            assertThat(lookup.lookup(CT, "1.2.3.1")).isEqualTo(CommitmentAnswer.COMMITTED);
            assertThat(lookup.lookup(CT, "1.2.3.2")).isEqualTo(CommitmentAnswer.COMMITTED);
            CommitmentAnswer missing = lookup.lookup(CT, "1.2.3.3");
            assertThat(missing.reason()).isEqualTo(FailureReason.NO_SUCH_OBJECT_INSTANCE);
            assertThat(missing.description()).contains("no backup copy");
        }
    }

    @Test
    void aCopyOfAnotherSopClassIsAConflict() throws Exception {
        Part10Files.write(backup().resolve("MR.1.2.3.1"), MR, "1.2.3.1");
        BackupCheckPlugin plugin = started("folder=" + backup() + "\n");
        CommitmentAnswer answer = plugin.open(tx(new InstanceReference(CT, "1.2.3.1"))).lookup(CT, "1.2.3.1");
        assertThat(answer.reason()).isEqualTo(FailureReason.CLASS_INSTANCE_CONFLICT);
        assertThat(answer.description()).contains(MR);
    }

    @Test
    void aTruncatedOrForeignCopyIsAProcessingFailure() throws Exception {
        Files.createDirectories(backup());
        Files.write(backup().resolve("CT.1.2.3.1"), Arrays.copyOf(Part10Files.bytes(CT, "1.2.3.1", true), 150));
        Files.write(backup().resolve("CT.1.2.3.2"), Part10Files.bytes(CT, "1.2.3.2", false));
        Part10Files.write(backup().resolve("CT.1.2.3.3"), CT, "9.9.9");
        BackupCheckPlugin plugin = started("folder=" + backup() + "\n");
        CommitmentLookup lookup = plugin.open(tx(new InstanceReference(CT, "1.2.3.1"),
                new InstanceReference(CT, "1.2.3.2"), new InstanceReference(CT, "1.2.3.3")));
        for (String uid : List.of("1.2.3.1", "1.2.3.2", "1.2.3.3")) {
            CommitmentAnswer answer = lookup.lookup(CT, uid);
            assertThat(answer.reason()).as(uid).isEqualTo(FailureReason.PROCESSING_FAILURE);
            assertThat(answer.description()).as(uid).contains("CT." + uid);
        }
    }

    @Test
    void headerMatchingFindsCopiesWhateverTheirNames() throws Exception {
        Part10Files.write(backup().resolve("a/b/20240101_000001"), CT, "1.2.3.1");
        Files.writeString(backup().resolve("notes.txt"), "not DICOM");
        BackupCheckPlugin plugin = started("folder=" + backup() + "\nmatch=header\n");
        CommitmentLookup lookup = plugin.open(tx(new InstanceReference(CT, "1.2.3.1"),
                new InstanceReference(CT, "1.2.3.9")));
        assertThat(lookup.lookup(CT, "1.2.3.1").committed()).isTrue();
        assertThat(lookup.lookup(CT, "1.2.3.9").reason()).isEqualTo(FailureReason.NO_SUCH_OBJECT_INSTANCE);
    }

    @Test
    void aMissingBackupFolderMakesTheJobRetryLater() throws Exception {
        BackupCheckPlugin plugin = started("folder=" + backup() + "\n");
        assertThatThrownBy(() -> plugin.open(tx(new InstanceReference(CT, "1.2.3.1"))))
                .isInstanceOf(CheckUnavailableException.class).hasMessageContaining("not mounted");
    }

    @Test
    void startFailsOnAMissingOrBadSettingsFile() throws Exception {
        Path jar = dir.resolve("custodian-backup-check.jar");
        assertThatThrownBy(() -> new BackupCheckPlugin().start(context(jar)))
                .isInstanceOf(IOException.class).hasMessageContaining("backup-check.properties");
        Files.writeString(dir.resolve("backup-check.properties"), "folder=x\nmatch=guess\n");
        assertThatThrownBy(() -> new BackupCheckPlugin().start(context(jar)))
                .hasMessageContaining("\"match\" must be filename or header");
        Files.writeString(dir.resolve("backup-check.properties"), "folfer=x\n");
        assertThatThrownBy(() -> new BackupCheckPlugin().start(context(jar)))
                .hasMessageContaining("unknown key \"folfer\"");
        Files.writeString(dir.resolve("backup-check.properties"), "match=header\n");
        assertThatThrownBy(() -> new BackupCheckPlugin().start(context(jar)))
                .hasMessageContaining("\"folder\" is required");
    }

    @Test
    void fileNamesAreReadAsStorescpWritesThem() {
        assertThat(BackupIndex.uidOfName("CT.1.2.840.1")).contains("1.2.840.1");
        assertThat(BackupIndex.uidOfName("1.2.840.1")).contains("1.2.840.1");
        assertThat(BackupIndex.uidOfName("SC.1.2.840.1.dcm")).contains("1.2.840.1");
        assertThat(BackupIndex.uidOfName("README")).isEmpty();
        assertThat(BackupIndex.uidOfName("CT.1.2.x")).isEmpty();
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(StorageCommitmentPlugin.class).stream().map(p -> p.get().name()))
                .containsExactly("BackupCheck");
    }
}
