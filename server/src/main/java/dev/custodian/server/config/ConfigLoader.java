package dev.custodian.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON configuration file (comments allowed, as in Orthanc) into a
 * {@link CustodianConfig}. Relative paths in the file are resolved against the file's folder,
 * as Orthanc does; without a file they are resolved against the working directory.
 */
public final class ConfigLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {}

    public static CustodianConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toAbsolutePath().getParent());
    }

    /** Parses configuration text; relative paths resolve against {@code baseDirectory}. */
    public static CustodianConfig parse(String json, Path baseDirectory) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(null, "not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(null, "the configuration file is empty (write {} for all defaults)");
        }
        return read(new JsonFields(root, null), baseDirectory);
    }

    private static CustodianConfig read(JsonFields f, Path base) {
        f.ignore(OrthancKeys.IGNORED);
        for (String key : OrthancKeys.REJECTED_WHEN_TRUE) {
            if (f.bool(key, false)) {
                throw new ConfigException(key, "is not supported by Custodian (only false is accepted)");
            }
        }
        Path storage = path(f, "StorageDirectory", base.resolve("custodian-storage"), base);
        Path index = path(f, "IndexDirectory", storage, base);
        boolean remote = f.bool("RemoteAccessAllowed", false);
        CustodianConfig config;
        try {
            config = new CustodianConfig(
                    f.string("Name", "Custodian"),
                    f.string("DicomAet", "CUSTODIAN"),
                    (int) f.integer("DicomPort", 4242, 0, 65535),
                    (int) f.integer("HttpPort", 8042, 0, 65535),
                    storage,
                    index,
                    remote,
                    f.bool("AuthenticationEnabled", remote),
                    users(f),
                    f.bool("DicomCheckCalledAet", false),
                    f.bool("DicomCheckModalityHost", false),
                    f.bool("DicomAlwaysAllowEcho", true),
                    f.bool("DicomAlwaysAllowStore", true),
                    (int) f.integer("DicomScpTimeout", 30, 0, Integer.MAX_VALUE),
                    (int) f.integer("DicomScuTimeout", 10, 0, Integer.MAX_VALUE),
                    f.integer("MaximumStorageSize", 0, 0, Long.MAX_VALUE / (1024 * 1024)),
                    f.bool("OverwriteInstances", false),
                    ModalityParser.modalities(f),
                    postgres(f),
                    (int) f.integer("DicomMaximumAssociations", 64, 1, 10_000),
                    (int) f.integer("MaximumPduLength", 116_794, CustodianConfig.MIN_PDU_LENGTH, Integer.MAX_VALUE),
                    (int) f.integer("StorageCommitmentReportsSize", 100, 0, Integer.MAX_VALUE),
                    f.integer("MinimumFreeDiskSpace", 0, 0, Long.MAX_VALUE / (1024 * 1024)),
                    new JobsConfig((int) f.integer("ConcurrentJobs", 2, 0, JobsConfig.MAX_CONCURRENT_JOBS),
                            (int) f.integer("JobsHistorySize", 10, 0, Integer.MAX_VALUE),
                            f.bool("SaveJobs", true)),
                    StorageCommitmentConfig.read(f),
                    new CommitmentScuConfig((int) f.integer("StorageCommitmentScuDeadline", 3600, 1, Integer.MAX_VALUE),
                            (int) f.integer("StorageCommitmentScuLinger", 5, 0, Integer.MAX_VALUE),
                            (int) f.integer("StorageCommitmentScuMaxReferences", 5000, 1, 10_000),
                            (int) f.integer("StorageCommitmentScuRetryDelay", 30, 1, Integer.MAX_VALUE)),
                    AcceptedTransferSyntaxPreference.parse(f.string(AcceptedTransferSyntaxPreference.KEY,
                            AcceptedTransferSyntaxPreference.PROPOSER.jsonName())),
                    PluginsConfig.read(f, base));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, e.getMessage(), e);
        }
        f.rejectUnknown();
        return config;
    }

    private static Path path(JsonFields f, String key, Path fallback, Path base) {
        String value = f.string(key, null);
        if (value == null) {
            return fallback.toAbsolutePath().normalize();
        }
        if (value.isBlank()) {
            throw new ConfigException(key, "must not be empty");
        }
        try {
            return base.resolve(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(key, "is not a valid path: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> users(JsonFields f) {
        Map<String, String> users = new LinkedHashMap<>();
        if (!f.has("RegisteredUsers")) {
            return users;
        }
        JsonFields object = new JsonFields(f.raw("RegisteredUsers"), "RegisteredUsers");
        for (Iterator<String> it = object.names(); it.hasNext(); ) {
            String user = it.next();
            users.put(user, object.string(user, null));
        }
        return users;
    }

    private static Optional<PostgresConfig> postgres(JsonFields f) {
        if (!f.has("PostgreSQL")) {
            return Optional.empty();
        }
        JsonFields pg = new JsonFields(f.raw("PostgreSQL"), "PostgreSQL");
        pg.ignore(OrthancKeys.POSTGRES_IGNORED);
        PostgresConfig config = new PostgresConfig(
                pg.bool("EnableIndex", false),
                pg.string("Host", "localhost"),
                (int) pg.integer("Port", 5432, 1, 65535),
                pg.string("Database", "orthanc"),
                pg.string("Username", "orthanc"),
                pg.string("Password", ""),
                (int) pg.integer("MaximumPoolSize", 10, 1, 1000));
        pg.rejectUnknown();
        return Optional.of(config);
    }
}
