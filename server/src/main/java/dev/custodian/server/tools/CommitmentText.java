package dev.custodian.server.tools;

import dev.custodian.dicom.dict.UidDictionary;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.SopReference;
import java.io.PrintWriter;

/**
 * A {@link CommitmentOutcome} in words: per transaction, each committed and failed instance (the
 * Failure Reason as its code in decimal and hex and its meaning, PS3.4 Table J.3-2), then a
 * summary line on {@code out}; problems (unreachable, refused, no report) as one line each on
 * {@code err}.
 */
final class CommitmentText {
    private final UidDictionary uids = UidDictionary.standard();
    private final String tool;

    /** @param tool the tool's name for error lines, e.g. "stgcmt" */
    CommitmentText(String tool) {
        this.tool = tool;
    }

    void print(CommitmentOutcome o, PrintWriter out, PrintWriter err) {
        String peer = Peers.name(o.peer());
        if (o.connectError() != null) {
            err.println("custodian " + tool + ": cannot associate with " + peer + ": " + o.connectError());
            return;
        }
        for (TransactionOutcome t : o.transactions()) {
            out.println("Storage Commitment by " + peer + ", transaction " + t.request().transactionUid() + " ("
                    + count(t.request().references().size()) + "): " + t.status()
                    + (t.report() != null && t.report().retrieveAeTitle() != null
                            ? ", retrieve from " + t.report().retrieveAeTitle() : ""));
            if (t.report() != null) {
                t.report().committed().forEach(r -> out.println("  committed  " + describe(r)));
                t.report().failed().forEach(f -> out.println("  failed     " + describe(f.reference()) + "  "
                        + reason(f)));
            }
            if (t.problem() != null) {
                err.println("custodian " + tool + ": transaction " + t.request().transactionUid() + ": " + t.problem());
            } else {
                t.notReported().forEach(r -> out.println("  missing    " + describe(r) + "  (not in the report)"));
            }
        }
        out.println(o.status() + ": " + o.committed().size() + " committed, " + o.failed().size() + " failed"
                + (o.notReported().isEmpty() ? "" : ", " + o.notReported().size() + " without a report"));
    }

    /** "274 (0112H) No such object instance". */
    static String reason(FailedReference f) {
        return "Failure Reason " + f.reason().code() + " (" + String.format("%04XH", f.reason().code()) + ") "
                + f.reason().description();
    }

    private String describe(SopReference r) {
        return r.sopInstanceUid() + "  " + uids.nameOf(r.sopClassUid());
    }

    private static String count(int n) {
        return n == 1 ? "1 instance" : n + " instances";
    }
}
