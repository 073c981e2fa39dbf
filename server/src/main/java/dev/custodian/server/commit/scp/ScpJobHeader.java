package dev.custodian.server.commit.scp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a {@code StorageCommitmentScp} job knows of its request without reading the rows: the
 * values of its {@code commitment_transactions} row, saved with its state.
 */
record ScpJobHeader(String jobId, String transactionUid, String remoteAet, String calledAet, String modality,
                    String checkName, int count, boolean duplicate) {
    ScpJobHeader {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(transactionUid, "transactionUid");
        Objects.requireNonNull(remoteAet, "remoteAet");
        Objects.requireNonNull(calledAet, "calledAet");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(checkName, "checkName");
        if (count < 1) {
            throw new IllegalArgumentException("a transaction references at least one instance: " + count);
        }
    }

    static ScpJobHeader of(ScpTransaction t) {
        return new ScpJobHeader(t.jobId(), t.transactionUid(), t.remoteAet(), t.calledAet(), t.modality(),
                t.checkName(), t.count(), t.duplicate());
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("JobId", jobId);
        o.put("TransactionUid", transactionUid);
        o.put("RemoteAet", remoteAet);
        o.put("CalledAet", calledAet);
        o.put("Modality", modality);
        o.put("Check", checkName);
        o.put("Count", count);
        o.put("Duplicate", duplicate);
        return o;
    }

    /** @throws IllegalArgumentException when {@code o} lacks a field */
    static ScpJobHeader fromJson(JsonNode o) {
        for (String f : new String[] {"JobId", "TransactionUid", "RemoteAet", "CalledAet", "Modality", "Check", "Count"}) {
            if (o == null || !o.hasNonNull(f)) {
                throw new IllegalArgumentException("not a StorageCommitmentScp job state (no " + f + ")");
            }
        }
        return new ScpJobHeader(o.get("JobId").asText(), o.get("TransactionUid").asText(), o.get("RemoteAet").asText(),
                o.get("CalledAet").asText(), o.get("Modality").asText(), o.get("Check").asText(),
                o.get("Count").asInt(), o.path("Duplicate").asBoolean(false));
    }
}
