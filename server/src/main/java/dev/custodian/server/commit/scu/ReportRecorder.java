package dev.custodian.server.commit.scu;

import dev.custodian.dicom.dict.Tag;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.Status;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.ReportListener;
import dev.custodian.stgcmt.SopReference;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores every Storage Commitment result (PS3.4 §J.3.3) before its N-EVENT-REPORT-RSP, whichever
 * association it came on and whether or not a request is waiting for it in memory: the database
 * is the source of truth. Matched by Transaction UID against the parts of our transactions:
 * <ul>
 * <li>a part we sent: its references get their results → Success;</li>
 * <li>a finished transaction (second report, or after Timeout): answered Success, logged, not applied;</li>
 * <li>a report naming instances the part did not reference: 0115H Invalid Argument Value on the
 *     offending sequence, nothing written (the service dispatcher logs the answer: one line);</li>
 * <li>an unknown Transaction UID: kept as an unsolicited transaction (shown, never dropped);</li>
 * <li>the database failing: 0110H Processing failure, so that the SCP sends it again.</li>
 * </ul>
 */
public final class ReportRecorder implements ReportListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReportRecorder.class);

    private final ScuTransactionStore store;
    private final Supplier<Map<String, RemoteModality>> modalities;
    private final ScuSettings settings;
    private final Clock clock;
    private final ReportSignals signals;

    public ReportRecorder(ScuTransactionStore store, Supplier<Map<String, RemoteModality>> modalities,
                          ScuSettings settings, Clock clock, ReportSignals signals) {
        this.store = Objects.requireNonNull(store, "store");
        this.modalities = Objects.requireNonNull(modalities, "modalities");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signals = Objects.requireNonNull(signals, "signals");
    }

    @Override
    public void onReport(CommitmentReport report, String callingAet) throws DimseFailure {
        // DicomPort accepts the Storage Commitment context from anyone (the SCP refuses per N-ACTION,
        // readably); a result is taken only from a modality allowed Storage Commitment.
        if (modalities.get().values().stream().noneMatch(m -> m.aet().equals(callingAet) && m.allowStorageCommitment())) {
            LOG.warn("Storage Commitment result {} from {} refused: not a modality with AllowStorageCommitment",
                    report.transactionUid(), callingAet);
            throw new DimseFailure(Status.NOT_AUTHORIZED, callingAet + " is not a modality allowed Storage Commitment");
        }
        ScuTransactionStore.Applied applied;
        try {
            applied = store.apply(report, clock.millis());
            if (applied instanceof ScuTransactionStore.Applied.Unknown) {
                store.insert(unsolicited(report, callingAet), references(report));
            }
        } catch (RuntimeException e) {
            LOG.warn("Storage Commitment result {} from {} not stored, answered 0110H: {}", report.transactionUid(),
                    callingAet, e.toString());
            throw new DimseFailure(Status.PROCESSING_FAILURE, "the result could not be stored", e);
        }
        if (applied instanceof ScuTransactionStore.Applied.Unknown) {
            LOG.info("Storage Commitment result {} from {} matches no transaction of ours: kept as unsolicited",
                    report.transactionUid(), callingAet);
        } else if (applied instanceof ScuTransactionStore.Applied.AlreadyFinished f) {
            LOG.info("Storage Commitment result {} from {}: transaction {} is already {}, result not applied",
                    report.transactionUid(), callingAet, f.transaction().uid(), f.transaction().status().text());
        } else if (applied instanceof ScuTransactionStore.Applied.Foreign f) {
            // the dispatcher logs the failure answered (one line, with this comment)
            SopReference first = f.references().get(0);
            int tag = report.committed().contains(first) ? Tag.ReferencedSOPSequence : Tag.FailedSOPSequence;
            throw new DimseFailure(Status.INVALID_ARGUMENT_VALUE.withOffendingElements(List.of(tag)),
                    f.references().size() + " not in the request, e.g. " + first.sopInstanceUid());
        } else if (applied instanceof ScuTransactionStore.Applied.Done d) {
            signals.fire(d.transaction().uid());
        }
    }

    private ScuTransaction unsolicited(CommitmentReport report, String callingAet) {
        String modality = modalities.get().entrySet().stream().filter(e -> e.getValue().aet().equals(callingAet))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        long now = clock.millis();
        return new ScuTransaction(report.transactionUid(), modality, settings.dicomAet(), callingAet,
                report.failed().isEmpty() ? ScuStatus.SUCCESS : ScuStatus.FAILURE, false, "report", now, now, now,
                1, 0, 1, report.retrieveAeTitle(), "");
    }

    private static List<ScuReference> references(CommitmentReport report) {
        List<ScuReference> out = new ArrayList<>();
        String part = report.transactionUid();
        for (SopReference r : report.committed()) {
            out.add(new ScuReference(out.size(), part, r, null, ScuReference.Result.COMMITTED, null));
        }
        for (FailedReference f : report.failed()) {
            out.add(new ScuReference(out.size(), part, f.reference(), null, ScuReference.Result.FAILED, f.reason()));
        }
        return out;
    }
}
