package dev.custodian.commit.spi;

/**
 * The check cannot run at the moment (e.g. the backup volume it reads is not mounted): thrown by
 * {@link StorageCommitmentPlugin#open} or {@link CommitmentLookup#lookup}, it makes the job retry
 * the step later instead of failing instances. Use it only for conditions that go away by
 * themselves; the report to the modality waits meanwhile.
 */
public class CheckUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckUnavailableException(String message) {
        super(message);
    }

    public CheckUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
