package dev.custodian.stgcmt;

import dev.custodian.net.dimse.NActionRsp;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A Storage Commitment request in flight at the SCU (PS3.4 §J.3.2.1.2, §J.3.3.1.3).
 *
 * @param request  what was asked
 * @param response the N-ACTION-RSP: any non-failure status means the SCP took the request
 * @param report   the N-EVENT-REPORT result, matched by Transaction UID on whichever association
 *                 it came; fails with {@link CommitmentRefusedException} when the N-ACTION-RSP is a
 *                 failure, with the N-ACTION's own failure (I/O, timeout) when no response came,
 *                 or with {@link java.util.concurrent.TimeoutException} when no report came in time
 */
public record Commitment(CommitmentRequest request, CompletableFuture<NActionRsp> response,
                         CompletableFuture<CommitmentReport> report) {
    public Commitment {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(report, "report");
    }
}
