package dev.custodian.plugins.backupcheck;

import dev.custodian.commit.spi.CommitmentAnswer;
import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.FailureReason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Answers for one transaction: committed only when the backup holds a copy whose Part 10 header
 * names the same SOP instance and SOP class and which has a data set after its header.
 */
final class BackupLookup implements CommitmentLookup {
    private final BackupIndex index;
    private final Path folder;

    BackupLookup(BackupIndex index, Path folder) {
        this.index = index;
        this.folder = folder;
    }

    @Override
    public CommitmentAnswer lookup(String sopClassUid, String sopInstanceUid) {
        Optional<Path> copy = index.copyOf(sopInstanceUid);
        if (copy.isEmpty()) {
            return CommitmentAnswer.failed(FailureReason.NO_SUCH_OBJECT_INSTANCE, "no backup copy in " + folder);
        }
        MetaHeader header;
        try {
            header = MetaHeader.read(copy.get());
        } catch (IOException e) {
            return CommitmentAnswer.failed(FailureReason.PROCESSING_FAILURE,
                    "backup copy " + copy.get() + " is unreadable or damaged: " + e.getMessage());
        }
        if (!header.sopInstanceUid().equals(sopInstanceUid)) {
            return CommitmentAnswer.failed(FailureReason.PROCESSING_FAILURE,
                    "backup copy " + copy.get() + " holds SOP instance " + header.sopInstanceUid());
        }
        if (!header.sopClassUid().equals(sopClassUid)) {
            return CommitmentAnswer.failed(FailureReason.CLASS_INSTANCE_CONFLICT,
                    "backup copy " + copy.get() + " has SOP class " + header.sopClassUid());
        }
        return CommitmentAnswer.COMMITTED;
    }
}
