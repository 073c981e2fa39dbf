package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.commit.scu.CommitmentSendException;
import dev.custodian.server.commit.scu.Release;
import dev.custodian.server.commit.scu.ScuStatus;
import dev.custodian.server.commit.scu.ScuTransaction;
import dev.custodian.server.commit.scu.ScuTransactionStore;
import dev.custodian.server.commit.scu.StorageCommitments;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.Modalities;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Storage Commitment SCU routes. Orthanc's: {@code POST /modalities/{id}/storage-commitment}
 * ({@code {"ID", "Path"}}), {@code GET /storage-commitment/{id}}, {@code POST
 * /storage-commitment/{id}/remove}. Custodian's: {@code GET /storage-commitment} (summaries,
 * oldest first, filtered by {@code status}, {@code modality}, {@code from} / {@code to} on the
 * creation time (YYYYMMDD or YYYYMMDDTHHMMSS, UTC), paged by {@code since} / {@code limit}).
 */
public final class StorageCommitmentRoutes implements RestServer.Routes {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 10_000;

    private final Modalities modalities;
    private final ModalityScu scu;
    private final Index index;
    private final StorageCommitments commitments;
    private final Release release;

    public StorageCommitmentRoutes(Modalities modalities, ModalityScu scu, Index index, StorageCommitments commitments,
                                   Release release) {
        this.modalities = modalities;
        this.scu = scu;
        this.index = index;
        this.commitments = commitments;
        this.release = release;
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.post("/modalities/{id}/storage-commitment", ctx -> request(ctx, json));
        app.get("/storage-commitment", this::list);
        app.get("/storage-commitment/{id}", this::get);
        app.post("/storage-commitment/{id}/remove", this::remove);
    }

    /** The modality named in the path, which must allow Storage Commitment. */
    static RemoteModality committingModality(Modalities modalities, String name) {
        RemoteModality m = modalities.get(name).orElseThrow(() -> new RestException(OrthancError.INEXISTENT_ITEM,
                "No modality with symbolic name: " + name));
        if (!m.allowStorageCommitment()) {
            throw new RestException(OrthancError.BAD_REQUEST, "modality " + name
                    + " has AllowStorageCommitment false");
        }
        return m;
    }

    private void request(Context ctx, ObjectMapper json) {
        String name = ctx.pathParam("id");
        RemoteModality m = committingModality(modalities, name);
        CommitmentBody body = CommitmentBody.parse(ctx.body(), json, scu, index);
        Duration timeout = body.timeoutSeconds().isPresent() ? Duration.ofSeconds(body.timeoutSeconds().getAsInt())
                : scu.timeout(m);
        ScuTransaction t;
        try {
            t = commitments.request(name, m, scu.localAet(m), body.items(), "REST API", timeout);
        } catch (CommitmentSendException e) {
            throw new RestException(OrthancError.NETWORK_PROTOCOL, "Storage commitment - " + e.getMessage());
        }
        Map<String, Object> out = new TreeMap<>();
        out.put("ID", t.uid());
        out.put("Path", "/storage-commitment/" + t.uid());
        ctx.json(out);
    }

    private ScuTransaction transaction(Context ctx) {
        String uid = ctx.pathParam("id");
        return commitments.find(uid).orElseThrow(() -> new RestException(OrthancError.INEXISTENT_ITEM,
                "No storage commitment transaction with UID: " + uid));
    }

    private void get(Context ctx) {
        ScuTransaction t = transaction(ctx);
        ctx.json(CommitmentJson.report(t, commitments.store().references(t.uid())));
    }

    private void remove(Context ctx) {
        ScuTransaction t = transaction(ctx);
        if (t.status() != ScuStatus.SUCCESS) {
            throw new RestException(OrthancError.BAD_SEQUENCE_OF_CALLS, "Cannot remove DICOM instances of storage "
                    + "commitment transaction " + t.uid() + ": its status is " + t.status().text() + ", not Success");
        }
        if (!t.solicited()) {
            throw new RestException(OrthancError.BAD_SEQUENCE_OF_CALLS, "transaction " + t.uid()
                    + " was not requested by Custodian (unsolicited report): nothing is removed");
        }
        Release.Outcome outcome = release.release(t.uid());
        if (!outcome.errors().isEmpty()) {
            throw new RestException(OrthancError.INTERNAL_ERROR, outcome.errors().size()
                    + " committed instance(s) could not be deleted, e.g. " + outcome.errors().get(0));
        }
        ctx.json(Map.of());
    }

    private void list(Context ctx) {
        ScuStatus status = null;
        String s = ctx.queryParam("status");
        if (s != null) {
            status = ScuStatus.parse(s).orElseThrow(() -> new RestException(OrthancError.PARAMETER_OUT_OF_RANGE,
                    "status must be Pending, Success, Failure or Timeout: " + s));
        }
        long since = number(ctx, "since", 0);
        long limit = number(ctx, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new RestException(OrthancError.PARAMETER_OUT_OF_RANGE, "limit must be in 1.." + MAX_LIMIT);
        }
        var filter = new ScuTransactionStore.Filter(status, ctx.queryParam("modality"), time(ctx, "from"),
                time(ctx, "to"), since, limit);
        ctx.json(commitments.store().list(filter).stream().map(CommitmentJson::summary).toList());
    }

    private static long number(Context ctx, String name, long fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RestException(OrthancError.PARAMETER_OUT_OF_RANGE, name + " must be an integer >= 0: " + v);
        }
    }

    private static Long time(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return null;
        }
        try {
            String full = v.length() == 8 ? v + "T000000" : v;
            return LocalDateTime.parse(full, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new RestException(OrthancError.PARAMETER_OUT_OF_RANGE, name
                    + " must be YYYYMMDD or YYYYMMDDTHHMMSS (UTC): " + v);
        }
    }
}
