package dev.custodian.server.commit.scu;

import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Resource;
import dev.custodian.server.index.ResourceLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the local copies of the instances a remote committed to store (the remote is now
 * responsible for them, PS3.4 §J.3.1), through the archive's normal delete path; the others are
 * kept. An instance is found by the local ID recorded with the reference, else by its SOP
 * Instance UID.
 */
public final class Release {
    private static final Logger LOG = LoggerFactory.getLogger(Release.class);

    /** What a release did: deleted, already absent, kept (not committed), could not delete. */
    public record Outcome(int deleted, int absent, int kept, List<String> errors) {
        public Outcome {
            errors = List.copyOf(errors);
        }
    }

    private final Archive archive;
    private final ScuTransactionStore store;

    public Release(Archive archive, ScuTransactionStore store) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Deletes the committed instances of transaction {@code uid}. */
    public Outcome release(String uid) {
        int deleted = 0;
        int absent = 0;
        int kept = 0;
        List<String> errors = new ArrayList<>();
        for (ScuReference r : store.references(uid)) {
            if (r.result() != ScuReference.Result.COMMITTED) {
                kept++;
                continue;
            }
            Optional<String> id = Optional.ofNullable(r.instanceId()).or(() -> archive.index()
                    .findInstanceBySopInstanceUid(r.sop().sopInstanceUid()).map(Resource::id));
            try {
                if (id.isPresent() && archive.delete(ResourceLevel.INSTANCE, id.get()).isPresent()) {
                    deleted++;
                } else {
                    absent++;
                }
            } catch (RuntimeException e) {
                errors.add(r.sop().sopInstanceUid() + ": " + e.getMessage());
            }
        }
        LOG.info("Storage Commitment transaction {}: {} committed instance(s) deleted locally, {} already absent, "
                + "{} kept (not committed){}", uid, deleted, absent, kept, errors.isEmpty() ? "" : ", " + errors.size()
                + " could not be deleted: " + errors.get(0));
        return new Outcome(deleted, absent, kept, errors);
    }
}
