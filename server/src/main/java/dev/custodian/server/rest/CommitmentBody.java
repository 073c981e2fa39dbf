package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.commit.scu.StorageCommitments.Item;
import dev.custodian.server.dicom.ModalityScu;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.MainDicomTag;
import dev.custodian.server.index.Resource;
import dev.custodian.server.index.ResourceLevel;
import dev.custodian.stgcmt.SopReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The body of {@code POST /modalities/{id}/storage-commitment}, as Orthanc reads it:
 * {@code DicomInstances} (items {@code {"SOPClassUID", "SOPInstanceUID"}} or
 * {@code [classUid, instanceUid]}) and/or {@code Resources} (IDs of any level, every instance
 * below them), optional {@code Timeout} (s, the network timeout of this request). Errors carry
 * Orthanc's codes: a malformed body or item is 400 Bad file format, an unknown resource 404.
 */
record CommitmentBody(List<Item> items, OptionalInt timeoutSeconds) {
    static CommitmentBody parse(String text, ObjectMapper json, ModalityScu scu, Index index) {
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new RestException(OrthancError.BAD_FILE_FORMAT, "Must provide a JSON object with a list of resources");
        }
        if (!body.has("DicomInstances") && !body.has("Resources")) {
            throw new RestException(OrthancError.BAD_FILE_FORMAT, "Empty storage commitment request, one of these "
                    + "fields is mandatory: \"Resources\" or \"DicomInstances\"");
        }
        List<Item> items = new ArrayList<>();
        if (body.has("DicomInstances")) {
            for (JsonNode n : array(body.get("DicomInstances"), "DicomInstances")) {
                items.add(new Item(instance(n), null));
            }
        }
        if (body.has("Resources")) {
            for (JsonNode n : array(body.get("Resources"), "Resources")) {
                if (!n.isTextual()) {
                    throw new RestException(OrthancError.BAD_FILE_FORMAT, "resource IDs must be strings: " + n);
                }
                for (String id : scu.instancesUnder(n.asText()).orElseThrow(() -> RestException.unknown(
                        "resource " + n.asText()))) {
                    items.add(local(index, id));
                }
            }
        }
        if (items.isEmpty()) {
            throw new RestException(OrthancError.BAD_FILE_FORMAT, "the request references no instance");
        }
        return new CommitmentBody(items, timeout(body.get("Timeout")));
    }

    private static JsonNode array(JsonNode n, String field) {
        if (!n.isArray()) {
            throw new RestException(OrthancError.BAD_FILE_FORMAT, "\"" + field + "\" must be a JSON array");
        }
        return n;
    }

    private static SopReference instance(JsonNode n) {
        String sopClass;
        String sopInstance;
        if (n.isObject() && n.path("SOPClassUID").isTextual() && n.path("SOPInstanceUID").isTextual()) {
            sopClass = n.get("SOPClassUID").asText();
            sopInstance = n.get("SOPInstanceUID").asText();
        } else if (n.isArray() && n.size() == 2 && n.get(0).isTextual() && n.get(1).isTextual()) {
            sopClass = n.get(0).asText();
            sopInstance = n.get(1).asText();
        } else {
            throw new RestException(OrthancError.BAD_FILE_FORMAT, "JSON array or object is expected to specify one "
                    + "instance to be queried, found: " + n);
        }
        try {
            return new SopReference(sopClass, sopInstance);
        } catch (IllegalArgumentException e) {
            throw new RestException(OrthancError.BAD_FILE_FORMAT, e.getMessage());
        }
    }

    static Item local(Index index, String instanceId) {
        Resource r = index.find(ResourceLevel.INSTANCE, instanceId).orElseThrow(() -> RestException.unknown(
                "instance " + instanceId));
        try {
            return new Item(new SopReference(r.tags().get(MainDicomTag.SOP_CLASS_UID),
                    r.tags().get(MainDicomTag.SOP_INSTANCE_UID)), instanceId);
        } catch (RuntimeException e) {
            throw new RestException(OrthancError.BAD_REQUEST, "instance " + instanceId
                    + " has no valid SOP Class / Instance UID: " + e.getMessage());
        }
    }

    private static OptionalInt timeout(JsonNode n) {
        if (n == null || n.isNull()) {
            return OptionalInt.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
            throw new RestException(OrthancError.BAD_REQUEST, "\"Timeout\" must be a number of seconds >= 0: " + n);
        }
        return n.asInt() == 0 ? OptionalInt.empty() : OptionalInt.of(n.asInt());
    }
}
