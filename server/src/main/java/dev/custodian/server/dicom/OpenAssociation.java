package dev.custodian.server.dicom;

import java.time.Instant;
import java.util.Objects;

/** An association open on {@code DicomPort} right now, as the operator page lists it. */
public record OpenAssociation(String callingAet, String calledAet, String remoteHost, Instant openedAt,
                              long stored, long failed, long echoes) {
    public OpenAssociation {
        Objects.requireNonNull(callingAet, "callingAet");
        Objects.requireNonNull(calledAet, "calledAet");
        Objects.requireNonNull(remoteHost, "remoteHost");
        Objects.requireNonNull(openedAt, "openedAt");
        if (stored < 0 || failed < 0 || echoes < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }
}
