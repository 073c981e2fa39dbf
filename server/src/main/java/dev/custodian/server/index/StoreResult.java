package dev.custodian.server.index;

import java.util.Objects;

/**
 * Outcome of {@link Index#storeInstance}. {@code replacedFileUuid} is the file of the instance
 * an overwrite replaced (to delete once the transaction has committed), otherwise null.
 */
public record StoreResult(Status status, String instanceId, String seriesId, String studyId, String patientId,
                          String replacedFileUuid) {

    /** Orthanc's {@code "Status"} values of {@code POST /instances}. */
    public enum Status {
        SUCCESS("Success"), ALREADY_STORED("AlreadyStored");

        private final String orthancName;

        Status(String orthancName) {
            this.orthancName = orthancName;
        }

        public String orthancName() {
            return orthancName;
        }
    }

    public StoreResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(instanceId, "instanceId");
    }
}
