package dev.custodian.server.tools;

import dev.custodian.server.tls.TlsProtocols;
import dev.custodian.server.tls.ToolTls;
import java.time.Clock;
import java.util.List;

/**
 * The {@code --tls} options of {@link CommonOptions} checked together and read into a
 * {@link ToolTls}; a bad combination or an unusable PEM file is a {@link ToolSetupException}
 * (exit code 4) whose message names the option.
 */
final class TlsSetup {
    private TlsSetup() {
    }

    /**
     * @param listens true when the tool will listen on {@code -b AET:port} (a TLS listener needs our certificate)
     * @return null without {@code --tls}
     */
    static ToolTls load(CommonOptions o, boolean listens, Clock clock) throws ToolSetupException {
        if (!o.tls) {
            String given = o.tlsCertificate != null ? ToolTls.CERTIFICATE_OPTION
                    : o.tlsKey != null ? ToolTls.KEY_OPTION
                    : o.tlsTrusted != null ? ToolTls.TRUSTED_OPTION : null;
            if (given != null) {
                throw new ToolSetupException(given + " is given without --tls", null);
            }
            return null;
        }
        if (o.tlsKey != null && o.tlsCertificate == null) {
            throw new ToolSetupException(ToolTls.KEY_OPTION + " is given without " + ToolTls.CERTIFICATE_OPTION, null);
        }
        if (listens && o.tlsCertificate == null) {
            throw new ToolSetupException("--tls with a -b listener needs our certificate: " + ToolTls.CERTIFICATE_OPTION
                    + " and " + ToolTls.KEY_OPTION + " (the SCP connects to us over TLS)", null);
        }
        try {
            return ToolTls.load(o.tlsCertificate, o.tlsCertificate == null ? null
                    : o.tlsKey == null ? o.tlsCertificate : o.tlsKey, o.tlsTrusted, protocols(o.tlsMinVersion), clock);
        } catch (ToolTls.MaterialException e) {
            throw new ToolSetupException(e.getMessage(), e);
        }
    }

    private static List<String> protocols(String minVersion) throws ToolSetupException {
        return switch (minVersion.strip()) {
            case "1.2", "TLSv1.2" -> TlsProtocols.DEFAULT;
            case "1.3", "TLSv1.3" -> TlsProtocols.TLS13_ONLY;
            default -> throw new ToolSetupException("--tls-min-version must be 1.2 or 1.3 (older versions are never "
                    + "negotiated, BCP 195), got '" + minVersion + "'", null);
        };
    }
}
