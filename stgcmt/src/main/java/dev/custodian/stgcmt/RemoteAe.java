package dev.custodian.stgcmt;

/**
 * Where a remote application entity listens: AE title, host and TCP port (PS3.8 §9.3.2 Called AE
 * Title; the network address is configuration, PS3.15 / the DICOM modality list).
 */
public record RemoteAe(String aeTitle, String host, int port) {
    public RemoteAe {
        aeTitle = Values.optionalAeTitle(aeTitle, "AE title");
        if (aeTitle == null) {
            throw new IllegalArgumentException("AE title is required");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required for " + aeTitle);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port of " + aeTitle + " out of range: " + port);
        }
    }
}
