package dev.custodian.server.rest;

import dev.custodian.server.index.Archive;
import dev.custodian.server.index.DeleteResult;
import dev.custodian.server.index.OrthancIds;
import dev.custodian.server.index.Resource;
import dev.custodian.server.index.ResourceLevel;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /patients}, {@code /studies}, {@code /series}, {@code /instances}: lists (with
 * {@code expand}, {@code since}, {@code limit}), one resource, its descendants
 * ({@code /studies/{id}/instances} ...), its ancestors ({@code /instances/{id}/study} ...),
 * deletion, the instance's file and metadata.
 */
final class ResourceRoutes {
    private final Archive archive;
    private final ResourceJson json;

    ResourceRoutes(Archive archive, ResourceJson json) {
        this.archive = archive;
        this.json = json;
    }

    void register(Javalin app) {
        for (ResourceLevel level : ResourceLevel.values()) {
            String base = "/" + level.table();
            app.get(base, ctx -> list(ctx, level));
            app.get(base + "/{id}", ctx -> ctx.json(json.of(find(level, ctx.pathParam("id")))));
            app.delete(base + "/{id}", ctx -> delete(ctx, level));
            for (ResourceLevel below = level.child(); below != null; below = below.child()) {
                ResourceLevel target = below;
                app.get(base + "/{id}/" + target.table(), ctx -> descendants(ctx, level, target));
            }
            for (ResourceLevel above = level.parent(); above != null; above = above.parent()) {
                ResourceLevel target = above;
                String singular = target.orthancName().toLowerCase(java.util.Locale.ROOT);
                app.get(base + "/{id}/" + singular, ctx -> ctx.json(json.of(ancestor(ctx.pathParam("id"), level, target))));
            }
        }
        app.get("/instances/{id}/file", this::file);
        app.get("/instances/{id}/metadata", ctx -> metadata(ctx, ctx.queryParam("expand") != null));
        app.get("/instances/{id}/metadata/{name}", this::metadataValue);
    }

    Resource find(ResourceLevel level, String id) {
        if (!OrthancIds.isWellFormed(id)) {
            throw RestException.unknown(level.orthancName() + " " + id);
        }
        return archive.index().find(level, id).orElseThrow(() -> RestException.unknown(level.orthancName() + " " + id));
    }

    private void list(Context ctx, ResourceLevel level) {
        long since = nonNegative(ctx, "since");
        long limit = nonNegative(ctx, "limit");
        List<String> ids = archive.index().list(level, since, limit);
        if (ctx.queryParam("expand") == null) {
            ctx.json(ids);
            return;
        }
        List<Object> expanded = new ArrayList<>();
        for (String id : ids) {
            archive.index().find(level, id).ifPresent(r -> expanded.add(json.of(r)));
        }
        ctx.json(expanded);
    }

    private static long nonNegative(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return 0;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RestException(OrthancError.PARAMETER_OUT_OF_RANGE, "\"" + name + "\" must be a non-negative integer, got " + value);
    }

    private void descendants(Context ctx, ResourceLevel level, ResourceLevel target) {
        List<Resource> current = List.of(find(level, ctx.pathParam("id")));
        for (ResourceLevel l = level; l != target; l = l.child()) {
            List<Resource> next = new ArrayList<>();
            for (Resource r : current) {
                for (String child : r.children()) {
                    archive.index().find(l.child(), child).ifPresent(next::add);
                }
            }
            current = next;
        }
        ctx.json(current.stream().map(json::of).toList());
    }

    /** Orthanc's {@code /instances/{id}/study} and the like: the ancestor at {@code target}. */
    private Resource ancestor(String id, ResourceLevel level, ResourceLevel target) {
        Resource current = find(level, id);
        while (current.level() != target) {
            current = find(current.level().parent(), current.parentId());
        }
        return current;
    }

    private void delete(Context ctx, ResourceLevel level) {
        String id = ctx.pathParam("id");
        if (!OrthancIds.isWellFormed(id)) {
            throw RestException.unknown(level.orthancName() + " " + id);
        }
        boolean force = "true".equals(ctx.queryParam("force"));
        DeleteResult result;
        try {
            result = archive.delete(level, id, force)
                    .orElseThrow(() -> RestException.unknown(level.orthancName() + " " + id));
        } catch (dev.custodian.server.index.CommittedInstancesException e) {
            throw new RestException(OrthancError.COMMITTED_RESOURCE, e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (result.remainingId() == null) {
            body.put("RemainingAncestor", null);
        } else {
            Map<String, Object> ancestor = new TreeMap<>();
            ancestor.put("ID", result.remainingId());
            ancestor.put("Path", "/" + result.remainingLevel().table() + "/" + result.remainingId());
            ancestor.put("Type", result.remainingLevel().orthancName());
            body.put("RemainingAncestor", ancestor);
        }
        ctx.json(body);
    }

    private void file(Context ctx) throws IOException {
        Resource instance = find(ResourceLevel.INSTANCE, ctx.pathParam("id"));
        try (InputStream in = archive.storage().open(instance.file().file().uuid())) {
            ctx.contentType("application/dicom");
            ctx.res().setContentLengthLong(instance.file().file().size());
            // the servlet's own stream: no compression, so the length announced stays true
            in.transferTo(ctx.res().getOutputStream());
        }
    }

    private Map<String, String> metadataOf(Resource instance) {
        Map<String, String> m = new TreeMap<>();
        var reception = instance.file().reception();
        m.put("Origin", reception.origin());
        m.put("ReceptionDate", ResourceJson.LAST_UPDATE.format(reception.receivedAt()));
        putIfPresent(m, "RemoteAET", reception.remoteAet());
        putIfPresent(m, "RemoteIP", reception.remoteIp());
        putIfPresent(m, "CalledAET", reception.calledAet());
        putIfPresent(m, "SopClassUid", instance.tags().get(dev.custodian.server.index.MainDicomTag.SOP_CLASS_UID));
        putIfPresent(m, "TransferSyntax", instance.tags().get(dev.custodian.server.index.MainDicomTag.TRANSFER_SYNTAX_UID));
        m.put("FileSha256", instance.file().file().sha256());
        return m;
    }

    private static void putIfPresent(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private void metadata(Context ctx, boolean expand) {
        Map<String, String> m = metadataOf(find(ResourceLevel.INSTANCE, ctx.pathParam("id")));
        if (expand) {
            ctx.json(m);
        } else {
            ctx.json(new ArrayList<>(m.keySet()));
        }
    }

    private void metadataValue(Context ctx) {
        Map<String, String> m = metadataOf(find(ResourceLevel.INSTANCE, ctx.pathParam("id")));
        String value = m.get(ctx.pathParam("name"));
        if (value == null) {
            throw new RestException(OrthancError.INEXISTENT_ITEM, "metadata " + ctx.pathParam("name"));
        }
        ctx.contentType("text/plain").result(value);
    }
}
