package dev.custodian.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plug-in keys: {@code Plugins} (Orthanc's: a list of paths, each a jar or a folder of jars,
 * relative to the configuration file's folder) and {@code StorageCommitmentPluginTimeout} (seconds
 * a plug-in's call may take before the instance concerned fails with 0110H).
 *
 * @param checkNamed whether the file names the server-wide {@code StorageCommitmentCheck}: if not,
 *                   a loaded plug-in becomes the default check (as in Orthanc)
 */
public record PluginsConfig(List<Path> paths, Duration callTimeout, boolean checkNamed) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    static final int MAX_TIMEOUT_SECONDS = 3600;

    public PluginsConfig {
        paths = List.copyOf(paths);
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new ConfigException("StorageCommitmentPluginTimeout", "must be > 0, got " + callTimeout);
        }
    }

    public static PluginsConfig none() {
        return new PluginsConfig(List.of(), Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS), false);
    }

    static PluginsConfig read(JsonFields f, Path base) {
        long timeout = f.integer("StorageCommitmentPluginTimeout", DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS);
        return new PluginsConfig(paths(f, base), Duration.ofSeconds(timeout), f.has("StorageCommitmentCheck"));
    }

    private static List<Path> paths(JsonFields f, Path base) {
        List<Path> paths = new ArrayList<>();
        if (!f.has("Plugins")) {
            return paths;
        }
        JsonNode list = f.raw("Plugins");
        if (!list.isArray()) {
            throw new ConfigException(f.key("Plugins"), "must be a list of paths (jars or folders of jars), got "
                    + JsonFields.kind(list));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String key = f.key("Plugins") + "[" + i + "]";
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw new ConfigException(key, "must be a non-empty path, got " + JsonFields.kind(item));
            }
            try {
                paths.add(base.resolve(item.textValue()).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                throw new ConfigException(key, "is not a valid path: " + e.getMessage(), e);
            }
        }
        return paths;
    }
}
