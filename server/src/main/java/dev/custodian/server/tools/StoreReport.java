package dev.custodian.server.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A {@link StoreOutcome} in words (a summary line on {@code out}, each warning on {@code out},
 * each failure and an early stop as one line on {@code err}) and as JSON.
 */
final class StoreReport {
    private StoreReport() {
    }

    static void print(StoreOutcome o, PrintWriter out, PrintWriter err) {
        for (StoreOutcome.Result r : o.failed()) {
            err.println("custodian store: " + r.file().path() + ": " + (r.status() != null
                    ? "C-STORE failed with status " + r.status() : r.error()));
        }
        for (StoreOutcome.Result r : o.warnings()) {
            out.println("  warning  " + r.file().path() + ": C-STORE status " + r.status());
        }
        if (o.stopped() != null) {
            err.println("custodian store: " + o.stopped());
        }
        double seconds = o.elapsed().toNanos() / 1e9;
        int stored = o.stored().size();
        out.println(String.format(Locale.ROOT, "Sent %d of %d instances (%s) to %s in %.1f s (%.0f instances/s)",
                stored, o.total(), Inputs.megabytes(o.bytesStored()), Peers.name(o.peer()), seconds,
                seconds > 0 ? stored / seconds : 0)
                + (o.failed().isEmpty() ? "" : "; " + o.failed().size() + " failed"));
    }

    static ObjectNode json(StoreOutcome o) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("RemoteAET", o.peer().aeTitle());
        root.put("Instances", o.total());
        root.put("Sent", o.stored().size());
        root.put("Bytes", o.bytesStored());
        root.put("Seconds", o.elapsed().toMillis() / 1000.0);
        root.put("ExitCode", o.exitCode());
        if (o.stopped() != null) {
            root.put("Error", o.stopped());
        }
        ArrayNode failures = root.putArray("Failures");
        for (StoreOutcome.Result r : o.failed()) {
            ObjectNode f = failures.addObject().put("File", r.file().path().toString())
                    .put("SOPInstanceUID", r.file().sopInstanceUid());
            if (r.status() != null) {
                f.put("Status", String.format("%04X", r.status().code()));
            }
            f.put("Error", r.status() != null ? r.status().toString() : r.error());
        }
        ArrayNode warnings = root.putArray("Warnings");
        for (StoreOutcome.Result r : o.warnings()) {
            warnings.addObject().put("File", r.file().path().toString()).put("Status",
                    String.format("%04X", r.status().code()));
        }
        return root;
    }
}
