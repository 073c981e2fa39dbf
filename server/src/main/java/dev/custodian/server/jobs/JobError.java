package dev.custodian.server.jobs;

import java.util.Objects;

/**
 * Why a job failed, as Orthanc reports it: {@code ErrorCode} (Orthanc's error code numbers),
 * {@code ErrorDescription} (the code's text) and {@code ErrorDetails} (what happened).
 */
public record JobError(int code, String description, String details) {
    /** A job that has not failed reports code 0, "Success". */
    public static final JobError NONE = new JobError(0, "Success", "");

    public JobError {
        Objects.requireNonNull(description, "description");
        details = details == null ? "" : details;
        if (code < 0 && code != -1) {
            throw new IllegalArgumentException("Orthanc error codes are >= 0 or -1 (internal error): " + code);
        }
    }

    /** Orthanc's code -1: an unexpected error inside Custodian. */
    public static JobError internal(String details) {
        return new JobError(-1, "Internal error", details);
    }

    /** Orthanc's code 7: something the job refers to does not exist (a modality, an instance). */
    public static JobError inexistentItem(String details) {
        return new JobError(7, "Accessing an inexistent item", details);
    }

    /** Orthanc's code 9: the DICOM association or an operation on it failed. */
    public static JobError networkProtocol(String details) {
        return new JobError(9, "Error in the network protocol", details);
    }

    /** Orthanc's code 37: the job was cancelled through {@code POST /jobs/{id}/cancel}. */
    public static JobError canceled() {
        return new JobError(37, "Job has been canceled", "");
    }

    public boolean isNone() {
        return code == 0;
    }
}
