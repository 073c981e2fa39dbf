package dev.custodian.server.commit.scp;

import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.NEventReportRsp;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.index.Modalities;
import dev.custodian.stgcmt.EventReportSender;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.StreamedReport;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery attempt of a Storage Commitment report (PS3.4 §J.3.3): on the request's own
 * association first when the modality's {@code StorageCommitmentReportOnSameAssociation} is true
 * and that association is still open here, else on a new association to the modality's
 * {@code Host}/{@code Port}, calling AE = the AE title the request called, proposing the SCP role.
 * The report is streamed from the rows; Retrieve AE Title is our {@code DicomAet}.
 */
public final class ReportDelivery implements DeliveryAttempt {
    private static final Logger LOG = LoggerFactory.getLogger(ReportDelivery.class);

    private final EventReportSender sender;
    private final Modalities modalities;
    private final CommitmentStore store;
    private final RequestSessions sessions;
    private final AssociationRuntime runtime;
    private final String retrieveAet;
    private final int maxPdu;
    private final int scuTimeoutSeconds;

    public ReportDelivery(EventReportSender sender, Modalities modalities, CommitmentStore store,
                          RequestSessions sessions, AssociationRuntime runtime, String retrieveAet, int maxPdu,
                          int scuTimeoutSeconds) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.modalities = Objects.requireNonNull(modalities, "modalities");
        this.store = Objects.requireNonNull(store, "store");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.retrieveAet = Objects.requireNonNull(retrieveAet, "retrieveAet");
        this.maxPdu = maxPdu;
        this.scuTimeoutSeconds = scuTimeoutSeconds;
    }

    @Override
    public Outcome deliver(ScpJobHeader header, ScpJobState state, long now) {
        Optional<RemoteModality> modality = modality(header);
        if (modality.isEmpty()) {
            return Outcome.failedWith("modality " + header.modality() + " (" + header.remoteAet()
                    + ") is no longer in DicomModalities");
        }
        RemoteModality m = modality.get();
        StreamedReport report = new StreamedReport(header.transactionUid(), retrieveAet, state.committed(),
                state.failed(), store.reportItems(header.jobId()));
        Duration timeout = timeout(m);
        DimseSession same = sessions.get(header.jobId());
        if (m.reportOnSameAssociation() && same != null) {
            Optional<CompletableFuture<NEventReportRsp>> sent = sender.sendOnSameAssociation(same, report);
            if (sent.isPresent()) {
                Outcome outcome = await(sent.get(), timeout, "on the request's association");
                if (outcome.delivered() || outcome.refused()) {
                    return outcome;
                }
                LOG.info("Storage Commitment report {} on the request's association failed ({}); trying a new one",
                        header.transactionUid(), outcome.error());
            }
        }
        try {
            DicomClient client = client(header.calledAet(), timeout);
            return await(sender.send(client, new RemoteAe(m.aet(), m.host(), m.port()), report), timeout,
                    "to " + m.aet() + " at " + m.host() + ":" + m.port());
        } catch (java.io.IOException | dev.custodian.net.dimse.NoPresentationContextException | RuntimeException e) {
            return Outcome.failedWith("association with " + m.aet() + " at " + m.host() + ":" + m.port()
                    + " failed: " + e.getMessage());
        }
    }

    private Optional<RemoteModality> modality(ScpJobHeader header) {
        Optional<RemoteModality> named = modalities.get(header.modality())
                .filter(m -> m.aet().equals(header.remoteAet()));
        return named.isPresent() ? named : modalities.findByAet(header.remoteAet()).map(Map.Entry::getValue);
    }

    private static Outcome await(CompletableFuture<NEventReportRsp> rsp, Duration timeout, String where) {
        try {
            NEventReportRsp r = rsp.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            if (r.status().isFailure()) {
                return Outcome.refusedWith("N-EVENT-REPORT-RSP " + where + " answered " + r.status());
            }
            return Outcome.ok();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failedWith("interrupted");
        } catch (ExecutionException e) {
            return Outcome.failedWith("N-EVENT-REPORT " + where + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            rsp.cancel(true);
            return Outcome.failedWith("no N-EVENT-REPORT-RSP " + where + " within " + timeout.toSeconds() * 2 + " s");
        }
    }

    private DicomClient client(String callingAet, Duration timeout) throws java.io.IOException {
        AssociationSettings d = AssociationSettings.DEFAULT;
        AssociationSettings settings = new AssociationSettings(new PduLimits(maxPdu, d.limits().maxAssociateLength(),
                d.limits().maxItems()), timeout, timeout, d.maxCommandLength(), d.maxSendPduLength(),
                d.implementationClassUid(), d.implementationVersionName());
        return new DicomClient(callingAet, RequestorConfig.plain(settings, timeout, timeout), timeout,
                ServiceRegistry.builder().verification().build(), runtime);
    }

    private Duration timeout(RemoteModality m) {
        int seconds = m.timeoutSeconds() > 0 ? m.timeoutSeconds() : scuTimeoutSeconds;
        return Duration.ofSeconds(seconds > 0 ? seconds : 60);
    }
}
