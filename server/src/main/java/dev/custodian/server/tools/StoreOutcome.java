package dev.custodian.server.tools;

import dev.custodian.net.dimse.Status;
import dev.custodian.stgcmt.RemoteAe;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a store run did: each file sent with its C-STORE status or the reason it failed, and why
 * the run stopped early, if it did.
 *
 * @param peer        the Storage SCP
 * @param results     one per file attempted, in order
 * @param total       how many files were to be sent
 * @param stopped     why the run stopped before the end (unreachable, rejected, aborted), or null
 * @param stoppedCode the exit code of {@code stopped} ({@link ExitCodes#REFUSED} or {@link ExitCodes#TIMEOUT})
 * @param elapsed     time from the first association request to the last release
 */
record StoreOutcome(RemoteAe peer, List<Result> results, int total, String stopped, int stoppedCode,
                    Duration elapsed) {
    /**
     * One file: its C-STORE-RSP status, or (status null) why it could not be sent.
     */
    record Result(DicomInput file, Status status, String error) {
        Result {
            Objects.requireNonNull(file, "file");
            if ((status == null) == (error == null)) {
                throw new IllegalArgumentException("either a status or an error");
            }
        }

        /** Success or warning: the peer took it. */
        boolean stored() {
            return status != null && !status.isFailure();
        }
    }

    StoreOutcome {
        Objects.requireNonNull(peer, "peer");
        results = List.copyOf(results);
    }

    List<Result> stored() {
        return results.stream().filter(Result::stored).toList();
    }

    List<Result> failed() {
        return results.stream().filter(r -> !r.stored()).toList();
    }

    List<Result> warnings() {
        return results.stream().filter(r -> r.stored() && !r.status().isSuccess()).toList();
    }

    long bytesStored() {
        return stored().stream().mapToLong(r -> r.file().size()).sum();
    }

    /** 3 / 2 when stopped early, else 1 when a file failed, else 0. */
    int exitCode() {
        if (stopped != null) {
            return stoppedCode;
        }
        return failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
