package dev.custodian.server.rest;

import dev.custodian.server.commit.scu.ScuReference;
import dev.custodian.server.commit.scu.ScuTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of a transaction. {@code GET /storage-commitment/{id}} has Orthanc 1.10.1's shape:
 * {@code RemoteAET} and {@code Status}, and once finished {@code Success: [{SOPClassUID,
 * SOPInstanceUID}]} and {@code Failures: [{Description, FailureReason, SOPClassUID,
 * SOPInstanceUID}]} (FailureReason a number, Description the standard's explanation). A
 * {@code Timeout} transaction shows the same lists with what was reported before the deadline.
 * The list route's summary is Custodian's.
 */
final class CommitmentJson {
    private CommitmentJson() {
    }

    static Map<String, Object> report(ScuTransaction t, List<ScuReference> refs) {
        Map<String, Object> out = new TreeMap<>();
        out.put("RemoteAET", t.remoteAet());
        out.put("Status", t.status().text());
        if (!t.status().finished()) {
            return out;
        }
        List<Object> success = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (ScuReference r : refs) {
            if (r.result() == ScuReference.Result.COMMITTED) {
                Map<String, Object> item = new TreeMap<>();
                item.put("SOPClassUID", r.sop().sopClassUid());
                item.put("SOPInstanceUID", r.sop().sopInstanceUid());
                success.add(item);
            } else if (r.result() == ScuReference.Result.FAILED) {
                Map<String, Object> item = new TreeMap<>();
                item.put("Description", r.failureReason().explanation());
                item.put("FailureReason", r.failureReason().code());
                item.put("SOPClassUID", r.sop().sopClassUid());
                item.put("SOPInstanceUID", r.sop().sopInstanceUid());
                failures.add(item);
            }
        }
        out.put("Success", success);
        out.put("Failures", failures);
        return out;
    }

    /** One item of {@code GET /storage-commitment}. */
    static Map<String, Object> summary(ScuTransaction t) {
        Map<String, Object> out = new TreeMap<>();
        out.put("ID", t.uid());
        out.put("Path", "/storage-commitment/" + t.uid());
        out.put("Modality", t.modality());
        out.put("LocalAET", t.localAet());
        out.put("RemoteAET", t.remoteAet());
        out.put("Status", t.status().text());
        out.put("Solicited", t.solicited());
        out.put("Origin", t.origin());
        out.put("CreationTime", JobRoutes.TIME.format(Instant.ofEpochMilli(t.creationMillis())));
        out.put("Deadline", JobRoutes.TIME.format(Instant.ofEpochMilli(t.deadlineMillis())));
        if (t.completionMillis() != null) {
            out.put("CompletionTime", JobRoutes.TIME.format(Instant.ofEpochMilli(t.completionMillis())));
        }
        out.put("Parts", t.parts());
        out.put("PartsSent", t.partsSent());
        out.put("Reports", t.reports());
        out.put("LastError", t.lastError());
        if (t.retrieveAet() != null) {
            out.put("RetrieveAET", t.retrieveAet());
        }
        return out;
    }
}
