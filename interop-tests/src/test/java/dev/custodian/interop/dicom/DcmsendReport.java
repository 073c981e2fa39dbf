package dev.custodian.interop.dicom;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-file outcome in the report dcmsend writes with {@code --create-report-file}: each
 * instance is a block with {@code Filename      : <path>}, {@code Network Xfer  : <uid> = <name>}
 * and {@code DIMSE Status  : 0x0000 (Success)} (or {@code <not sent>}) lines.
 */
final class DcmsendReport {

    /** What dcmsend says about one file; {@code networkSyntax} is the UID it sent in, "" when none. */
    record Outcome(String status, String networkSyntax) {
        boolean success() {
            return status.startsWith("0x0000");
        }
    }

    private DcmsendReport() {
    }

    /** File name → outcome, in report order. */
    static Map<String, Outcome> parse(String report) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        String file = null;
        String syntax = "";
        for (String line : report.split("\\R")) {
            if (line.startsWith("Filename      : ")) {
                file = value(line);
                syntax = "";
            } else if (line.startsWith("Network Xfer  : ") && file != null) {
                String v = value(line);
                int eq = v.indexOf(" = ");
                syntax = eq < 0 ? v : v.substring(0, eq);
            } else if (line.startsWith("DIMSE Status  : ") && file != null) {
                out.put(file, new Outcome(value(line), syntax));
                file = null;
            }
        }
        return out;
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }
}
