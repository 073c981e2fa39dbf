package dev.custodian.commit.spi;

/**
 * The check cannot run at the moment (e.g. the backup volume it reads is not mounted): thrown by
 * {@link StorageCommitmentPlugin#open} or {@link CommitmentLookup#lookup}, it makes the job retry
 * the step later, with back-off, instead of failing instances. Use it only for conditions that go
 * away by themselves; the report to the modality waits meanwhile. Custodian retries a few times
 * only: if the condition lasts, the instances concerned fail with 0213H (Resource limitation).
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
