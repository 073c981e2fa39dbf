package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.commit.scu.CommitmentSendException;
import dev.custodian.server.commit.scu.ScuTransaction;
import dev.custodian.server.commit.scu.StorageCommitments;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.dicom.ScuException;
import dev.custodian.server.dicom.StoreOutcome;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.jobs.JobsEngine;
import dev.custodian.server.jobs.StoreJobType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /modalities/{id}/echo} (C-ECHO SCU: {@code {}} or a 500 "Error in the network
 * protocol") and {@code POST /modalities/{id}/store} (C-STORE SCU of every instance under the
 * resources named in the body), in Orthanc's shapes. The store body is one resource ID (bare or
 * as a JSON string), a JSON array of IDs, or Orthanc's object {@code {"Resources": [...],
 * "Synchronous": true, "Permissive": false, "Priority": 0}}. With {@code "Synchronous": false}
 * or {@code "Asynchronous": true} the store becomes a {@code DicomModalityStore} job and the
 * answer is {@code {"ID": ..., "Path": "/jobs/..."}}. With {@code "StorageCommitment": true} a
 * Storage Commitment request for the instances follows the C-STOREs (Orthanc 1.10.1) and the
 * answer (or the job's Content) adds {@code StorageCommitmentTransactionUID}; an asynchronous store
 * may add {@code "ReleaseAfterCommitment": true} (Custodian's forward-and-release: the job then
 * waits for the report and deletes the local copies the remote committed).
 */
public final class DicomRoutes implements RestServer.Routes {
    private final Modalities modalities;
    private final ModalityScu scu;
    private final JobsEngine jobs;
    private final StoreJobType storeJobs;
    private final Index index;
    private final StorageCommitments commitments;

    /** @param jobs and {@code storeJobs} run asynchronous stores */
    public DicomRoutes(Modalities modalities, ModalityScu scu, JobsEngine jobs, StoreJobType storeJobs) {
        this(modalities, scu, jobs, storeJobs, null, null);
    }

    /** @param index and {@code commitments} serve {@code "StorageCommitment": true} (null: refused) */
    public DicomRoutes(Modalities modalities, ModalityScu scu, JobsEngine jobs, StoreJobType storeJobs, Index index,
                       StorageCommitments commitments) {
        this.index = index;
        this.commitments = commitments;
        this.modalities = modalities;
        this.scu = scu;
        this.jobs = jobs;
        this.storeJobs = storeJobs;
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.post("/modalities/{id}/echo", this::echo);
        app.post("/modalities/{id}/store", ctx -> store(ctx, json));
    }

    private RemoteModality modality(Context ctx) {
        String name = ctx.pathParam("id");
        return modalities.get(name).orElseThrow(() -> new RestException(OrthancError.INEXISTENT_ITEM,
                "unknown modality " + name));
    }

    private void echo(Context ctx) {
        RemoteModality m = modality(ctx);
        try {
            scu.echo(m);
        } catch (ScuException e) {
            throw new RestException(OrthancError.NETWORK_PROTOCOL, e.getMessage());
        }
        ctx.json(Map.of());
    }

    private void store(Context ctx, ObjectMapper json) {
        RemoteModality m = modality(ctx);
        StoreRequest request = StoreRequest.parse(ctx.body(), json);
        if (request.storageCommitment()) {
            if (commitments == null) {
                throw new RestException(OrthancError.BAD_REQUEST, "Storage Commitment is not available");
            }
            StorageCommitmentRoutes.committingModality(modalities, ctx.pathParam("id"));
        }
        List<String> instances = new ArrayList<>();
        for (String id : request.resources()) {
            instances.addAll(scu.instancesUnder(id).orElseThrow(() -> RestException.unknown("resource " + id)));
        }
        if (request.asynchronous()) {
            String id = jobs.submit(storeJobs.create(ctx.pathParam("id"), m, instances, request.resources(),
                    request.permissive(), request.storageCommitment(), request.releaseAfterCommitment()),
                    request.priority());
            Map<String, Object> body = new TreeMap<>();
            body.put("ID", id);
            body.put("Path", "/jobs/" + id);
            ctx.json(body);
            return;
        }
        StoreOutcome outcome;
        try {
            outcome = scu.store(m, instances, request.permissive());
        } catch (ScuException e) {
            throw new RestException(OrthancError.NETWORK_PROTOCOL, e.getMessage());
        }
        Map<String, Object> body = new TreeMap<>();
        body.put("Description", "REST API");
        body.put("FailedInstancesCount", outcome.failedInstancesCount());
        body.put("InstancesCount", outcome.instancesCount());
        body.put("LocalAet", outcome.localAet());
        body.put("ParentResources", request.resources());
        body.put("RemoteAet", outcome.remoteAet());
        if (request.storageCommitment()) {
            body.put("StorageCommitmentTransactionUID", commit(ctx.pathParam("id"), m, instances).uid());
        }
        ctx.json(body);
    }

    /** The Storage Commitment request that follows a synchronous store. */
    private ScuTransaction commit(String name, RemoteModality m, List<String> instances) {
        List<StorageCommitments.Item> items = new ArrayList<>(instances.size());
        for (String id : instances) {
            items.add(CommitmentBody.local(index, id));
        }
        try {
            return commitments.request(name, m, scu.localAet(m), items, "REST API", scu.timeout(m));
        } catch (CommitmentSendException e) {
            throw new RestException(OrthancError.NETWORK_PROTOCOL, "Storage commitment - " + e.getMessage());
        }
    }

    /** The parsed body of {@code /store}. */
    record StoreRequest(List<String> resources, boolean permissive, boolean asynchronous, int priority,
                        boolean storageCommitment, boolean releaseAfterCommitment) {
        StoreRequest(List<String> resources, boolean permissive) {
            this(resources, permissive, false, 0);
        }

        StoreRequest(List<String> resources, boolean permissive, boolean asynchronous, int priority) {
            this(resources, permissive, asynchronous, priority, false, false);
        }

        static StoreRequest parse(String body, ObjectMapper json) {
            String text = body == null ? "" : body.trim();
            if (text.isEmpty()) {
                throw new RestException(OrthancError.BAD_REQUEST, "the body must name the resources to send");
            }
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (IOException e) {
                return new StoreRequest(List.of(text), false); // a bare ID, as Orthanc accepts
            }
            if (node.isTextual()) {
                return new StoreRequest(List.of(node.asText()), false);
            }
            if (node.isArray()) {
                return new StoreRequest(ids(node), false);
            }
            if (node.isObject() && node.has("Resources")) {
                boolean async = !bool(node, "Synchronous", true) || bool(node, "Asynchronous", false);
                JsonNode priority = node.path("Priority");
                if (!priority.isMissingNode() && !(priority.isIntegralNumber() && priority.canConvertToInt())) {
                    throw new RestException(OrthancError.BAD_REQUEST, "\"Priority\" must be an integer: " + priority);
                }
                boolean release = bool(node, "ReleaseAfterCommitment", false);
                if (release && !async) {
                    throw new RestException(OrthancError.BAD_REQUEST,
                            "\"ReleaseAfterCommitment\" needs an asynchronous store (\"Synchronous\": false)");
                }
                return new StoreRequest(ids(node.get("Resources")), bool(node, "Permissive", false), async,
                        priority.asInt(0), bool(node, "StorageCommitment", false) || release, release);
            }
            throw new RestException(OrthancError.BAD_REQUEST,
                    "expected a resource ID, an array of IDs or an object with \"Resources\"");
        }

        private static boolean bool(JsonNode node, String field, boolean fallback) {
            JsonNode v = node.get(field);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new RestException(OrthancError.BAD_REQUEST, "\"" + field + "\" must be true or false: " + v);
            }
            return v.booleanValue();
        }

        private static List<String> ids(JsonNode array) {
            if (!array.isArray()) {
                throw new RestException(OrthancError.BAD_REQUEST, "\"Resources\" must be an array of IDs");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode n : array) {
                if (!n.isTextual()) {
                    throw new RestException(OrthancError.BAD_REQUEST, "resource IDs must be strings: " + n);
                }
                out.add(n.asText());
            }
            if (out.isEmpty()) {
                throw new RestException(OrthancError.BAD_REQUEST, "no resource to send");
            }
            return out;
        }
    }
}
