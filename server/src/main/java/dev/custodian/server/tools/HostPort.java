package dev.custodian.server.tools;

/** {@code host[:port]} or {@code [ipv6][:port]}, the part after the '@' of {@code -c} and {@code -b}. */
record HostPort(String host, int port) {
    /**
     * @param portRequired whether {@code host} alone is an error
     * @param whole        the whole option value, for messages
     */
    static HostPort parse(String text, boolean portRequired, String whole) {
        String host = text;
        int port = 0;
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (bracketed) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in " + whole);
            }
            host = text.substring(1, close);
            colon = text.indexOf(':', close);
        } else if (colon >= 0) {
            host = text.substring(0, colon);
        }
        if (colon >= 0) {
            port = AeTitles.port(text.substring(colon + 1), whole);
        } else if (portRequired) {
            throw new IllegalArgumentException("no port in " + whole + " (AET@host:port)");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("no host in " + whole);
        }
        return new HostPort(host, port);
    }
}
