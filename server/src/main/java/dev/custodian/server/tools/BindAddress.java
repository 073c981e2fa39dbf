package dev.custodian.server.tools;

/**
 * The {@code -b AET[@host][:port]} option (dcm4che's convention): our AE title and, when a port is
 * given, where to listen for associations the peer opens to us (the Storage Commitment report).
 *
 * @param aeTitle our (calling) AE title
 * @param host    the local address to listen on, null for every interface
 * @param port    the port to listen on, 0 for none
 */
public record BindAddress(String aeTitle, String host, int port) {
    public BindAddress {
        aeTitle = AeTitles.require(aeTitle);
        if (host != null && host.isBlank()) {
            throw new IllegalArgumentException("empty host in -b");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code AET}, {@code AET:port}, {@code AET@host} or {@code AET@host:port}. */
    public static BindAddress parse(String text) {
        String aet = text;
        String host = null;
        int port = 0;
        int at = text.indexOf('@');
        String rest = null;
        if (at >= 0) {
            aet = text.substring(0, at);
            rest = text.substring(at + 1);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon >= 0) {
                aet = text.substring(0, colon);
                port = AeTitles.port(text.substring(colon + 1), text);
            }
        }
        if (rest != null) {
            HostPort hp = HostPort.parse(rest, false, text);
            host = hp.host();
            port = hp.port();
        }
        return new BindAddress(aet, host, port);
    }

    /** True when a port was given: reports are awaited on a listener there. */
    public boolean listens() {
        return port > 0;
    }

    @Override
    public String toString() {
        return aeTitle + (host == null ? "" : "@" + host) + (port == 0 ? "" : ":" + port);
    }
}
