package dev.custodian.plugins.backupcheck;

import dev.custodian.commit.spi.CheckUnavailableException;
import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.CommitmentTransaction;
import dev.custodian.commit.spi.PluginContext;
import dev.custodian.commit.spi.StorageCommitmentPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code BackupCheck}: Custodian commits to an instance only when a verified copy of it is also in
 * a backup folder (e.g. the folder a second {@code storescp} fills, or a mounted backup volume).
 * Configured by {@value BackupSettings#FILE_NAME} beside the jar (see {@link BackupSettings}).
 *
 * <ul>
 *   <li>no copy: 0112H No such object instance;</li>
 *   <li>a copy with another SOP class: 0119H Class / Instance conflict;</li>
 *   <li>a copy that is unreadable, not Part 10, truncated or of another instance: 0110H;</li>
 *   <li>the backup folder missing (volume not mounted): the job retries later.</li>
 * </ul>
 *
 * It checks the backup only: whether Custodian itself holds the instance is not asked here, so
 * use it where the backup is the copy that matters.
 */
public final class BackupCheckPlugin implements StorageCommitmentPlugin {
    private volatile BackupSettings settings;

    /** ServiceLoader's constructor: configuration is read by {@link #start}. */
    public BackupCheckPlugin() {
    }

    BackupCheckPlugin(BackupSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "BackupCheck";
    }

    @Override
    public void start(PluginContext context) throws IOException {
        settings = BackupSettings.load(BackupSettings.fileFor(context.location()));
    }

    @Override
    public CommitmentLookup open(CommitmentTransaction transaction) throws IOException, CheckUnavailableException {
        BackupSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("BackupCheck was not started");
        }
        if (!Files.isDirectory(s.folder())) {
            throw new CheckUnavailableException("backup folder " + s.folder() + " is not there (not mounted?)");
        }
        Set<String> wanted = new HashSet<>(Math.max(16, transaction.count() * 2));
        transaction.forEachInstance(r -> wanted.add(r.sopInstanceUid()));
        return new BackupLookup(BackupIndex.build(s, wanted), s.folder());
    }
}
