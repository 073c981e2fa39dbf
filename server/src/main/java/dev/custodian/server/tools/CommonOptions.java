package dev.custodian.server.tools;

import dev.custodian.server.tls.ToolTls;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every tool has: time-out, verbosity, PDU size, DICOM TLS. */
final class CommonOptions {
    @Option(names = "--timeout", defaultValue = "30s", converter = Converters.Time.class, paramLabel = "DURATION",
            description = "longest wait for the connection, the association, each response and the Storage "
                    + "Commitment report (default: ${DEFAULT-VALUE}; e.g. 500ms, 30s, 2m; a number is seconds)")
    Duration timeout;

    @Option(names = {"-v", "--verbose"}, description = "log associations and DIMSE messages on stderr (-vv: everything)")
    boolean[] verbose = new boolean[0];

    @Option(names = "--max-pdu", defaultValue = "16384", paramLabel = "BYTES",
            description = "the largest P-DATA-TF PDU we accept (default: ${DEFAULT-VALUE})")
    int maxPdu;

    @Option(names = "--tls", description = "DICOM TLS (PS3.15 Annex B.1, TLS 1.2 and 1.3) instead of plain TCP, on "
            + "the associations we open and on the -b listener; the peer's certificate is verified against "
            + ToolTls.TRUSTED_OPTION + ", or the JDK's default trust store when that is not given")
    boolean tls;

    @Option(names = ToolTls.CERTIFICATE_OPTION, paramLabel = "FILE", description = "with --tls: our certificate "
            + "(PEM, ours first, then any intermediate CA), for peers that require a client certificate; needed for a "
            + "-b listener")
    Path tlsCertificate;

    @Option(names = ToolTls.KEY_OPTION, paramLabel = "FILE", description = "with --tls: the unencrypted private key "
            + "(PEM: PKCS #8, RSA or EC) of " + ToolTls.CERTIFICATE_OPTION + " (default: the "
            + ToolTls.CERTIFICATE_OPTION + " file, when it holds both)")
    Path tlsKey;

    @Option(names = ToolTls.TRUSTED_OPTION, paramLabel = "FILE", description = "with --tls: the certificates (PEM, "
            + "one or more) that may sign the peer's: its CA, or its own self-signed certificate")
    Path tlsTrusted;

    @Option(names = "--tls-min-version", paramLabel = "VERSION", defaultValue = "1.2",
            description = "with --tls: the oldest TLS version allowed, 1.2 or 1.3 (default: ${DEFAULT-VALUE})")
    String tlsMinVersion;
}
