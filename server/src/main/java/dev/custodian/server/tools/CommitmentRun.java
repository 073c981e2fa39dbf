package dev.custodian.server.tools;

import dev.custodian.dicom.data.UidGenerator;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.stgcmt.ActionInformationCodec;
import dev.custodian.stgcmt.Commitment;
import dev.custodian.stgcmt.CommitmentRefusedException;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.EventInformationCodec;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.ReportListener;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.stgcmt.StorageCommitment;
import dev.custodian.stgcmt.StorageCommitmentScu;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a Storage Commitment SCP to commit references (PS3.4 §J.3) with the {@code stgcmt}
 * library's {@link StorageCommitmentScu}: one association, one N-ACTION per {@code split}
 * references (each its own Transaction UID), the reports matched by Transaction UID on that
 * association or on the listener of {@code -b AET:port}.
 *
 * <p>The association is released right after the N-ACTION-RSPs when reports are awaited on the
 * listener; it is kept until every report came (or the time-out) with {@code --keep-alive} or when
 * {@code -b} has no port, since the report can then only come on it.
 */
final class CommitmentRun {
    /** Extra wait beyond the report time-out, for the SCU's own time-out to fire first. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final ToolRuntime runtime;
    private final RemoteAe scp;
    private final BindAddress bind;
    private final boolean keepAlive;
    private final int split;
    private final UidGenerator uids;

    /** @param split references per N-ACTION; 0 for all in one */
    CommitmentRun(ToolRuntime runtime, RemoteAe scp, BindAddress bind, boolean keepAlive, int split,
                  UidGenerator uids) {
        if (split < 0) {
            throw new IllegalArgumentException("--split must not be negative: " + split);
        }
        this.runtime = runtime;
        this.scp = scp;
        this.bind = bind;
        this.keepAlive = keepAlive;
        this.split = split;
        this.uids = uids;
    }

    /**
     * Sends the requests for {@code refs} and waits for their reports.
     *
     * @throws ToolSetupException the listener of {@code -b} cannot be opened
     */
    CommitmentOutcome run(List<SopReference> refs) throws ToolSetupException {
        int max = Math.max(ActionInformationCodec.DEFAULT_MAX_REFERENCES, refs.size());
        StorageCommitmentScu scu = new StorageCommitmentScu(new ActionInformationCodec(max),
                new EventInformationCodec(max), runtime.timeout(), Duration.ZERO, ReportListener.REFUSE,
                runtime.workers());
        ServiceRegistry services = ServiceRegistry.builder().verification()
                .eventReport(StorageCommitment.SOP_CLASS_UID, scu.eventReportHandler()).build();
        if (bind.listens()) {
            try {
                runtime.listen(bind, services);
            } catch (IOException e) {
                throw new ToolSetupException("cannot listen as " + bind + ": " + Failures.describe(e), e);
            }
        }
        DicomConnection c;
        try {
            DicomClient client = runtime.client(bind.aeTitle(), services);
            c = client.connect(scp.host(), scp.port(), StorageCommitmentScu.proposal(client, scp.aeTitle()));
        } catch (IOException e) {
            return CommitmentOutcome.unreachable(scp, runtime.connectFailure(e));
        }
        List<Commitment> sent = new ArrayList<>();
        for (List<SopReference> chunk : chunks(refs, split)) {
            sent.add(scu.request(c, new CommitmentRequest(uids.newUid(), chunk)));
        }
        return new CommitmentOutcome(scp, awaitReports(c, sent), null);
    }

    /**
     * The outcomes of {@code sent}; {@code c} is released once the N-ACTION-RSPs are in when the
     * reports come on the listener, else once the reports are in (or timed out).
     */
    private List<TransactionOutcome> awaitReports(DicomConnection c, List<Commitment> sent) {
        boolean onThisAssociation = keepAlive || !bind.listens();
        if (!onThisAssociation) {
            long wait = runtime.timeout().plus(MARGIN).toMillis();
            for (Commitment s : sent) {
                try {
                    s.response().get(wait, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // the report future fails the same way: reported by await
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Peers.releaseQuietly(c);
        }
        List<TransactionOutcome> outcomes = sent.stream().map(this::await).toList();
        if (onThisAssociation) {
            Peers.releaseQuietly(c);
        }
        return outcomes;
    }

    private TransactionOutcome await(Commitment c) {
        try {
            CommitmentReport report = c.report().get(runtime.timeout().plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            return TransactionOutcome.reported(c.request(), report);
        } catch (TimeoutException e) {
            return timedOut(c);
        } catch (ExecutionException e) {
            Throwable cause = Failures.unwrap(e);
            if (cause instanceof TimeoutException) {
                return timedOut(c);
            }
            if (cause instanceof CommitmentRefusedException r) {
                return TransactionOutcome.failed(c.request(), TransactionOutcome.State.REFUSED,
                        "refused with status " + r.status());
            }
            return TransactionOutcome.failed(c.request(), TransactionOutcome.State.BROKEN, Failures.describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TransactionOutcome.failed(c.request(), TransactionOutcome.State.BROKEN, "interrupted");
        }
    }

    private TransactionOutcome timedOut(Commitment c) {
        boolean answered = c.response().isDone() && !c.response().isCompletedExceptionally();
        String what = answered ? "no report" : "no N-ACTION response";
        String hint = bind.listens() ? "" : " (a peer that reports on a new association, as Orthanc does, needs "
                + "-b AET:port and that AE in its list of modalities)";
        return TransactionOutcome.failed(c.request(), TransactionOutcome.State.TIMED_OUT,
                what + " within " + Durations.words(runtime.timeout()) + hint);
    }

    /** {@code refs} in chunks of {@code size} (all in one when 0). */
    static List<List<SopReference>> chunks(List<SopReference> refs, int size) {
        if (size == 0 || refs.size() <= size) {
            return List.of(refs);
        }
        List<List<SopReference>> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i += size) {
            out.add(refs.subList(i, Math.min(refs.size(), i + size)));
        }
        return out;
    }
}
