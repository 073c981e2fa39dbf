package dev.custodian.server.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.SopReference;
import java.util.List;

/**
 * A {@link CommitmentOutcome} as JSON, with the field names of Orthanc's
 * {@code GET /storage-commitment/{id}} ({@code RemoteAET}, {@code Status}, {@code Success},
 * {@code Failures} with {@code FailureReason} and {@code Description}), plus {@code NotReported},
 * {@code Transactions} (each with {@code TransactionUID}, {@code Status} and {@code Error}) and
 * {@code ExitCode}. {@code Status} is Success, Failure, Timeout or Refused.
 */
final class CommitmentJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CommitmentJson() {
    }

    static ObjectNode of(CommitmentOutcome o) {
        ObjectNode root = JSON.objectNode();
        root.put("RemoteAET", o.peer().aeTitle());
        root.put("Status", o.status());
        root.put("ExitCode", o.exitCode());
        if (o.connectError() != null) {
            root.put("Error", o.connectError());
        }
        root.set("Success", references(o.committed()));
        ArrayNode failures = root.putArray("Failures");
        for (FailedReference f : o.failed()) {
            reference(failures.addObject(), f.reference()).put("FailureReason", f.reason().code())
                    .put("Description", f.reason().description());
        }
        root.set("NotReported", references(o.notReported()));
        ArrayNode transactions = root.putArray("Transactions");
        for (TransactionOutcome t : o.transactions()) {
            ObjectNode n = transactions.addObject().put("TransactionUID", t.request().transactionUid())
                    .put("Status", t.status()).put("Instances", t.request().references().size());
            if (t.report() != null && t.report().retrieveAeTitle() != null) {
                n.put("RetrieveAET", t.report().retrieveAeTitle());
            }
            if (t.problem() != null) {
                n.put("Error", t.problem());
            }
        }
        return root;
    }

    private static ArrayNode references(List<SopReference> refs) {
        ArrayNode a = JSON.arrayNode();
        refs.forEach(r -> reference(a.addObject(), r));
        return a;
    }

    private static ObjectNode reference(ObjectNode n, SopReference r) {
        return n.put("SOPClassUID", r.sopClassUid()).put("SOPInstanceUID", r.sopInstanceUid());
    }
}
