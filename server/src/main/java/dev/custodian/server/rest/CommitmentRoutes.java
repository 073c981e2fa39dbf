package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.commit.scp.CommitmentScp;
import dev.custodian.server.commit.scp.CommitmentStore;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.OrthancIds;
import dev.custodian.server.index.ResourceLevel;
import dev.custodian.server.jobs.JobRecord;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commitment ledger, beyond Orthanc: {@code GET /instances/{id}/commitments} lists to whom,
 * when and under which Storage Commitment transaction we committed to keep the instance
 * ({@code []} when never). Also the {@code results} output of {@code StorageCommitmentScp} jobs.
 */
public final class CommitmentRoutes implements RestServer.Routes, JobRoutes.JobOutput {
    private final CommitmentScp scp;
    private final Index index;

    public CommitmentRoutes(CommitmentScp scp, Index index) {
        this.scp = scp;
        this.index = index;
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.get("/instances/{id}/commitments", this::commitments);
    }

    private void commitments(Context ctx) {
        String id = ctx.pathParam("id");
        if (!OrthancIds.isWellFormed(id) || index.find(ResourceLevel.INSTANCE, id).isEmpty()) {
            throw RestException.unknown("Instance " + id);
        }
        List<Map<String, Object>> out = scp.ledger(id).stream().map(CommitmentRoutes::entry).toList();
        ctx.json(out);
    }

    private static Map<String, Object> entry(CommitmentStore.LedgerEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("RemoteAet", e.remoteAet());
        m.put("TransactionUid", e.transactionUid());
        m.put("Job", e.jobId());
        m.put("CommittedTime", JobRoutes.TIME.format(Instant.ofEpochMilli(e.committedAt())));
        return m;
    }

    @Override
    public boolean write(JobRecord job, String name, OutputStream out, ObjectMapper json) throws IOException {
        return "StorageCommitmentScp".equals(job.type()) && CommitmentScp.RESULTS.equals(name)
                && scp.writeResults(job.id(), out, json);
    }
}
