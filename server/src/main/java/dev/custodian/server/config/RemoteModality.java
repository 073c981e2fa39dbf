package dev.custodian.server.config;

import java.util.Objects;

/**
 * A remote DICOM application entity we know ({@code DicomModalities} entry), with the
 * permissions Orthanc gives each modality. Defaults are Orthanc's: everything allowed.
 */
public record RemoteModality(
        String aet,
        String host,
        int port,
        String manufacturer,
        boolean allowEcho,
        boolean allowFind,
        boolean allowFindWorklist,
        boolean allowGet,
        boolean allowMove,
        boolean allowStore,
        boolean allowStorageCommitment,
        boolean allowTranscoding,
        String localAet,
        int timeoutSeconds,
        String storageCommitmentCheck,
        boolean reportOnSameAssociation) {

    public RemoteModality {
        Objects.requireNonNull(aet, "aet");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(manufacturer, "manufacturer");
        if (aet.isBlank() || aet.length() > 16) {
            throw new IllegalArgumentException("AET must have 1 to 16 characters (PS3.5 AE VR): \"" + aet + "\"");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535: " + port);
        }
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeout must be >= 0: " + timeoutSeconds);
        }
        localAet = localAet == null || localAet.isEmpty() ? null : localAet;
        storageCommitmentCheck = storageCommitmentCheck == null || storageCommitmentCheck.isEmpty() ? null
                : storageCommitmentCheck;
    }

    /** A modality with the server-wide Storage Commitment check and a report on a new association. */
    public RemoteModality(String aet, String host, int port, String manufacturer, boolean allowEcho, boolean allowFind,
                          boolean allowFindWorklist, boolean allowGet, boolean allowMove, boolean allowStore,
                          boolean allowStorageCommitment, boolean allowTranscoding, String localAet,
                          int timeoutSeconds) {
        this(aet, host, port, manufacturer, allowEcho, allowFind, allowFindWorklist, allowGet, allowMove, allowStore,
                allowStorageCommitment, allowTranscoding, localAet, timeoutSeconds, null, false);
    }

    /** {@code StorageCommitmentCheck} of this modality, or {@code serverWide} when it has none. */
    public String commitmentCheck(String serverWide) {
        return storageCommitmentCheck != null ? storageCommitmentCheck : serverWide;
    }

    /** The array form {@code ["AET", "host", port]}: everything allowed, manufacturer Generic. */
    public static RemoteModality of(String aet, String host, int port) {
        return new RemoteModality(aet, host, port, "Generic", true, true, true, true, true, true, true, true, null, 0);
    }
}
