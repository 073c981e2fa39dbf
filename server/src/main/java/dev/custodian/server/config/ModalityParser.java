package dev.custodian.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code DicomModalities}: each entry either Orthanc's array form {@code ["AET", "host", port]}
 * (an optional 4th element is the manufacturer) or its object form with {@code AET, Host, Port,
 * Manufacturer, AllowEcho, AllowFind, AllowFindWorklist, AllowGet, AllowMove, AllowStore,
 * AllowStorageCommitment, AllowTranscoding, LocalAet, Timeout} and Custodian's
 * {@code StorageCommitmentCheck} and {@code StorageCommitmentReportOnSameAssociation}. {@code AllowNAction} and
 * {@code AllowEventReport} (Orthanc's finer switches) both feed {@code AllowStorageCommitment}.
 */
public final class ModalityParser {
    private static final java.util.Set<String> IGNORED_MODALITY_KEYS =
            java.util.Set.of("Retrieve", "RetrieveMethod");

    private ModalityParser() {}

    static Map<String, RemoteModality> modalities(JsonFields f) {
        Map<String, RemoteModality> result = new LinkedHashMap<>();
        if (!f.has("DicomModalities")) {
            return result;
        }
        JsonFields all = new JsonFields(f.raw("DicomModalities"), "DicomModalities");
        for (Iterator<String> it = all.names(); it.hasNext(); ) {
            String name = it.next();
            result.put(name, parse(all.raw(name), all.key(name)));
        }
        return result;
    }

    /** The object form of a modality, as {@code GET /modalities?expand} shows it and the index stores it. */
    public static ObjectNode toJson(RemoteModality m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("AET", m.aet());
        o.put("Host", m.host());
        o.put("Port", m.port());
        o.put("Manufacturer", m.manufacturer());
        o.put("AllowEcho", m.allowEcho());
        o.put("AllowFind", m.allowFind());
        o.put("AllowFindWorklist", m.allowFindWorklist());
        o.put("AllowGet", m.allowGet());
        o.put("AllowMove", m.allowMove());
        o.put("AllowStore", m.allowStore());
        o.put("AllowStorageCommitment", m.allowStorageCommitment());
        o.put("AllowNAction", m.allowStorageCommitment());
        o.put("AllowEventReport", m.allowStorageCommitment());
        o.put("AllowTranscoding", m.allowTranscoding());
        if (m.localAet() != null) {
            o.put("LocalAet", m.localAet());
        }
        o.put("Timeout", m.timeoutSeconds());
        if (m.storageCommitmentCheck() != null) {
            o.put("StorageCommitmentCheck", m.storageCommitmentCheck());
        }
        o.put("StorageCommitmentReportOnSameAssociation", m.reportOnSameAssociation());
        o.put("UseDicomTls", false);
        return o;
    }

    /** Parses one modality in either form; {@code key} names it in error messages. */
    public static RemoteModality parse(JsonNode node, String key) {
        try {
            if (node != null && node.isArray()) {
                return fromArray(node, key);
            }
            return fromObject(new JsonFields(node, key));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage(), e);
        }
    }

    private static RemoteModality fromArray(JsonNode array, String key) {
        if (array.size() < 3 || array.size() > 4) {
            throw new ConfigException(key, "must be [\"AET\", \"host\", port] or an object, got " + array.size() + " elements");
        }
        String aet = text(array.get(0), key + "[0] (AET)");
        String host = text(array.get(1), key + "[1] (host)");
        JsonNode portNode = array.get(2);
        int port;
        if (portNode.isTextual()) {
            try {
                port = Integer.parseInt(portNode.textValue());
            } catch (NumberFormatException e) {
                throw new ConfigException(key + "[2] (port)", "must be an integer, got " + JsonFields.kind(portNode));
            }
        } else {
            port = (int) JsonFields.integerValue(portNode, key + "[2] (port)", 1, 65535);
        }
        if (array.size() == 4) {
            String manufacturer = text(array.get(3), key + "[3] (manufacturer)");
            return new RemoteModality(aet, host, port, manufacturer, true, true, true, true, true, true, true, true, null, 0);
        }
        return RemoteModality.of(aet, host, port);
    }

    private static String text(JsonNode node, String key) {
        if (!node.isTextual()) {
            throw new ConfigException(key, "must be a string, got " + JsonFields.kind(node));
        }
        return node.textValue();
    }

    private static RemoteModality fromObject(JsonFields m) {
        m.ignore(IGNORED_MODALITY_KEYS);
        if (m.bool("UseDicomTls", false)) {
            throw new ConfigException(m.key("UseDicomTls"), "DICOM TLS is not supported by Custodian (only false is accepted)");
        }
        String aet = m.string("AET", null);
        if (aet == null) {
            throw new ConfigException(m.key("AET"), "is required");
        }
        String host = m.string("Host", null);
        if (host == null) {
            throw new ConfigException(m.key("Host"), "is required");
        }
        if (!m.has("Port")) {
            throw new ConfigException(m.key("Port"), "is required");
        }
        RemoteModality modality = new RemoteModality(aet, host,
                (int) m.integer("Port", 104, 1, 65535),
                m.string("Manufacturer", "Generic"),
                m.bool("AllowEcho", true),
                m.bool("AllowFind", true),
                m.bool("AllowFindWorklist", true),
                m.bool("AllowGet", true),
                m.bool("AllowMove", true),
                m.bool("AllowStore", true),
                m.bool("AllowStorageCommitment", true) && m.bool("AllowNAction", true)
                        && m.bool("AllowEventReport", true),
                m.bool("AllowTranscoding", true),
                m.string("LocalAet", null),
                (int) m.integer("Timeout", 0, 0, Integer.MAX_VALUE),
                m.string("StorageCommitmentCheck", null),
                m.bool("StorageCommitmentReportOnSameAssociation", false));
        m.rejectUnknown();
        return modality;
    }
}
