package dev.custodian.server.commit.scu;

import dev.custodian.dicom.data.UidGenerator;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.SopReference;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage Commitment requests to a modality (PS3.4 §J.3.2): the transaction and every reference
 * are written, split into parts of at most {@code StorageCommitmentScuMaxReferences} (one
 * N-ACTION each, the first part's Transaction UID being the public ID), before the first N-ACTION
 * goes out; each accepted part is recorded, so a retry sends only the others.
 */
public final class StorageCommitments {
    private static final Logger LOG = LoggerFactory.getLogger(StorageCommitments.class);

    /** A referenced instance and, when we hold it, its local instance ID. */
    public record Item(SopReference sop, String instanceId) {
        public Item {
            Objects.requireNonNull(sop, "sop");
        }
    }

    private final ScuTransactionStore store;
    private final ActionSender sender;
    private final ScuSettings settings;
    private final Clock clock;
    private final UidGenerator uids;

    public StorageCommitments(ScuTransactionStore store, ActionSender sender, ScuSettings settings, Clock clock,
                              UidGenerator uids) {
        this.store = Objects.requireNonNull(store, "store");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uids = Objects.requireNonNull(uids, "uids");
    }

    public ScuTransactionStore store() {
        return store;
    }

    public ScuSettings settings() {
        return settings;
    }

    /** A fresh Transaction UID (2.25 form, PS3.5 §B.2). */
    public String newUid() {
        return uids.newUid();
    }

    /** Writes transaction {@code uid} (Pending, nothing sent) with {@code items} split into parts. */
    public ScuTransaction create(String uid, String modality, RemoteModality m, String localAet, List<Item> items,
                                 String origin) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a Storage Commitment request references at least one instance");
        }
        List<ScuReference> refs = new ArrayList<>(items.size());
        String part = uid;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0 && i % settings.maxReferences() == 0) {
                part = uids.newUid();
            }
            refs.add(ScuReference.pending(i, part, items.get(i).sop(), items.get(i).instanceId()));
        }
        int parts = (items.size() + settings.maxReferences() - 1) / settings.maxReferences();
        long now = clock.millis();
        ScuTransaction t = new ScuTransaction(uid, modality, localAet, m.aet(), ScuStatus.PENDING, true, origin, now,
                now + settings.deadline().toMillis(), null, parts, 0, 0, null, "");
        store.insert(t, refs);
        return t;
    }

    /**
     * Sends the parts of {@code uid} not accepted yet, in order.
     *
     * @throws CommitmentSendException at the first part the remote did not accept
     */
    public void send(String uid, RemoteModality m, Duration timeout) throws CommitmentSendException {
        ScuTransaction t = store.find(uid).orElseThrow(() -> new IllegalArgumentException("no transaction " + uid));
        List<Map.Entry<String, List<SopReference>>> parts = parts(store.references(uid));
        for (int i = t.partsSent(); i < parts.size(); i++) {
            Map.Entry<String, List<SopReference>> part = parts.get(i);
            try {
                sender.send(m, timeout, new CommitmentRequest(part.getKey(), part.getValue()));
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                store.markSent(uid, i, message);
                throw new CommitmentSendException(message, i, e);
            }
            store.markSent(uid, i + 1, "");
        }
        LOG.info("Storage Commitment transaction {}: {} reference(s) in {} N-ACTION(s) accepted by {}", uid,
                parts.stream().mapToInt(p -> p.getValue().size()).sum(), parts.size(), m.aet());
    }

    /**
     * Writes and sends a new transaction. When the remote took none of it, the transaction is
     * deleted again (the caller reports the error); once a part is accepted it stays, Pending.
     */
    public ScuTransaction request(String modality, RemoteModality m, String localAet, List<Item> items, String origin,
                                  Duration timeout) throws CommitmentSendException {
        String uid = newUid();
        create(uid, modality, m, localAet, items, origin);
        try {
            send(uid, m, timeout);
        } catch (CommitmentSendException e) {
            if (e.sent() == 0) {
                store.delete(uid);
            }
            throw e;
        }
        return store.find(uid).orElseThrow();
    }

    public Optional<ScuTransaction> find(String uid) {
        return store.find(uid);
    }

    private static List<Map.Entry<String, List<SopReference>>> parts(List<ScuReference> refs) {
        Map<String, List<SopReference>> byPart = new LinkedHashMap<>();
        for (ScuReference r : refs) {
            byPart.computeIfAbsent(r.partUid(), p -> new ArrayList<>()).add(r.sop());
        }
        return new ArrayList<>(byPart.entrySet());
    }
}
