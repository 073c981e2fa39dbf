package dev.custodian.server.commit.scp;

import dev.custodian.server.commit.check.CommitmentChecks;
import dev.custodian.server.config.StorageCommitmentConfig;
import dev.custodian.server.dicom.StoringAssociations;
import java.util.Objects;

/** The collaborators every {@code StorageCommitmentScp} job uses. */
record ScpServices(CommitmentStore store, CommitmentChecks checks, DeliveryAttempt delivery,
                   StoringAssociations storing, RequestSessions sessions, StorageCommitmentConfig config) {
    ScpServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(storing, "storing");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(config, "config");
    }
}
