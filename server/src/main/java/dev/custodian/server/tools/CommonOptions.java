package dev.custodian.server.tools;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every tool has: time-out, verbosity, PDU size. */
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
}
