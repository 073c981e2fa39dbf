package dev.custodian.server.index;

import java.time.Instant;
import java.util.Objects;

/**
 * How an instance arrived, as Orthanc's metadata records it: {@code origin} is
 * {@code DicomProtocol} or {@code RestApi}; the AE titles and IP are null for REST uploads.
 */
public record Reception(String origin, String remoteAet, String remoteIp, String calledAet, Instant receivedAt) {
    public static final String DICOM = "DicomProtocol";
    public static final String REST = "RestApi";

    public Reception {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public static Reception dicom(String remoteAet, String remoteIp, String calledAet, Instant at) {
        return new Reception(DICOM, Objects.requireNonNull(remoteAet, "remoteAet"), remoteIp, calledAet, at);
    }

    public static Reception rest(String remoteIp, Instant at) {
        return new Reception(REST, null, remoteIp, null, at);
    }
}
