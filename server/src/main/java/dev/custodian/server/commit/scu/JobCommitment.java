package dev.custodian.server.commit.scu;

import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.MainDicomTag;
import dev.custodian.server.index.Resource;
import dev.custodian.server.index.ResourceLevel;
import dev.custodian.stgcmt.SopReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Storage Commitment step of a store job ({@code "StorageCommitment": true}, and
 * forward-and-release with {@code "ReleaseAfterCommitment": true}): the transaction's UID is
 * chosen when the job is created and saved in its state, so a step repeated after a restart
 * finds the rows it wrote and sends only the N-ACTIONs the remote has not accepted.
 */
public final class JobCommitment {
    private final StorageCommitments commitments;
    private final Index index;
    private final ReportSignals signals;
    private final Release release;
    private final ModalityScu scu;

    public JobCommitment(StorageCommitments commitments, Index index, ReportSignals signals, Release release,
                         ModalityScu scu) {
        this.scu = Objects.requireNonNull(scu, "scu");
        this.commitments = Objects.requireNonNull(commitments, "commitments");
        this.index = Objects.requireNonNull(index, "index");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.release = Objects.requireNonNull(release, "release");
    }

    public String newUid() {
        return commitments.newUid();
    }

    /** How long a store job waits before sending again an N-ACTION the remote did not take. */
    public Duration retryDelay() {
        return commitments.settings().retryDelay();
    }

    /**
     * Writes transaction {@code uid} for {@code instanceIds} unless it exists, then sends what the
     * remote has not accepted yet. Returns the transaction's status afterwards.
     *
     * @throws CommitmentSendException the remote did not take an N-ACTION (the job retries)
     */
    public ScuStatus request(String uid, String modality, RemoteModality m, List<String> instanceIds, String origin)
            throws CommitmentSendException {
        ScuTransaction t = commitments.find(uid).orElse(null);
        if (t == null) {
            t = commitments.create(uid, modality, m, scu.localAet(m), items(instanceIds), origin);
        }
        Duration timeout = scu.timeout(m);
        if (t.status().finished()) {
            return t.status();
        }
        if (t.partsSent() < t.parts()) {
            commitments.send(uid, m, timeout);
        }
        return commitments.find(uid).orElseThrow().status();
    }

    /** The status of {@code uid}, waiting up to {@code max} for a report while it is Pending. */
    public ScuStatus await(String uid, Duration max) throws InterruptedException {
        ScuStatus s = status(uid);
        if (s.finished()) {
            return s;
        }
        signals.await(uid, max);
        return status(uid);
    }

    private ScuStatus status(String uid) {
        return commitments.find(uid).map(ScuTransaction::status).orElse(ScuStatus.TIMEOUT);
    }

    /** Deletes the local copies the remote committed. */
    public Release.Outcome release(String uid) {
        return release.release(uid);
    }

    private List<StorageCommitments.Item> items(List<String> instanceIds) {
        List<StorageCommitments.Item> out = new ArrayList<>(instanceIds.size());
        for (String id : instanceIds) {
            Resource r = index.find(ResourceLevel.INSTANCE, id).orElseThrow(() -> new IllegalStateException(
                    "instance " + id + " disappeared before its Storage Commitment request"));
            out.add(new StorageCommitments.Item(new SopReference(r.tags().get(MainDicomTag.SOP_CLASS_UID),
                    r.tags().get(MainDicomTag.SOP_INSTANCE_UID)), id));
        }
        return out;
    }
}
