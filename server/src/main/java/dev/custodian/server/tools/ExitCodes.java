package dev.custodian.server.tools;

import java.util.List;

/**
 * The exit codes of the tools, listed in each one's {@code --help}. When several apply (a store
 * with failures whose commitment then timed out), the highest is returned.
 */
public final class ExitCodes {
    /** Everything sent / answered / committed. */
    public static final int OK = 0;
    /** Some instances failed: C-STORE failure, unreadable DICOM file, not committed, or a failure status. */
    public static final int FAILED = 1;
    /** No answer (Storage Commitment report, C-ECHO response) before {@code --timeout}. */
    public static final int TIMEOUT = 2;
    /** The peer is unreachable, rejected the association or refused the request, or aborted. */
    public static final int REFUSED = 3;
    /** Bad command line, or a local setup problem (listening port in use, unreadable certificate). */
    public static final int USAGE = 4;
    /** No DICOM instance to work on: the files and folders given hold no DICOM file. */
    public static final int NO_INPUT = 5;

    /** The lines of picocli's exit code list, "code:description". */
    static final String[] LIST = {
        "0:success: every instance sent / committed, C-ECHO answered Success",
        "1:some instances failed (C-STORE failure, unreadable DICOM file, Failure Reason in the report)",
        "2:no Storage Commitment report (or C-ECHO response) before --timeout",
        "3:peer unreachable, association rejected or aborted, request refused",
        "4:bad command line or local setup (e.g. listening port in use, unusable --tls certificate or key file)",
        "5:no DICOM file among the files and folders given"};

    private ExitCodes() {
    }

    /** The most serious of {@code codes} (0 when empty). */
    public static int worst(List<Integer> codes) {
        return codes.stream().mapToInt(Integer::intValue).max().orElse(OK);
    }
}
