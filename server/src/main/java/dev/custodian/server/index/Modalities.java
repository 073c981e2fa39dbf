package dev.custodian.server.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.config.ModalityParser;
import dev.custodian.server.config.RemoteModality;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The known remote modalities: those of the configuration file, plus those added at run time
 * through the REST API, which are kept in the index database so they survive a restart. A
 * run-time entry with the name of a file entry replaces it; file entries cannot be deleted at run
 * time (edit the file).
 */
public final class Modalities {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Outcome of {@link #delete}. */
    public enum Deletion { DELETED, NOT_FOUND, FROM_CONFIGURATION_FILE }

    private final Map<String, RemoteModality> configured;
    private final Index index;
    private final Consumer<RemoteModality> validation;

    public Modalities(Map<String, RemoteModality> configured, Index index) {
        this(configured, index, m -> { });
    }

    /**
     * @param validation checks a run-time entry before {@link #put} keeps it (what only the running
     *                   server knows, such as the names of the Storage Commitment checks); throws
     *                   {@link dev.custodian.server.config.ConfigException} to refuse it
     */
    public Modalities(Map<String, RemoteModality> configured, Index index, Consumer<RemoteModality> validation) {
        this.configured = Map.copyOf(configured);
        this.index = Objects.requireNonNull(index, "index");
        this.validation = Objects.requireNonNull(validation, "validation");
    }

    /** All modalities by name, the file's first, then the run-time ones, each group in name order. */
    public Map<String, RemoteModality> all() {
        Map<String, RemoteModality> result = new LinkedHashMap<>();
        configured.keySet().stream().sorted().forEach(name -> result.put(name, configured.get(name)));
        index.modalityDefinitions().forEach((name, json) -> result.put(name, parseStored(name, json)));
        return result;
    }

    public Optional<RemoteModality> get(String name) {
        return Optional.ofNullable(all().get(name));
    }

    /** The modality whose AE title is {@code aet} (what an incoming association names). */
    public Optional<Map.Entry<String, RemoteModality>> findByAet(String aet) {
        return all().entrySet().stream().filter(e -> e.getValue().aet().equals(aet)).findFirst();
    }

    public void put(String name, RemoteModality modality) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("modality name must not be empty");
        }
        validation.accept(modality);
        try {
            index.putModality(name, JSON.writeValueAsString(ModalityParser.toJson(modality)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise modality " + name, e);
        }
    }

    public Deletion delete(String name) {
        if (index.deleteModality(name)) {
            return Deletion.DELETED;
        }
        return configured.containsKey(name) ? Deletion.FROM_CONFIGURATION_FILE : Deletion.NOT_FOUND;
    }

    private static RemoteModality parseStored(String name, String json) {
        try {
            return ModalityParser.parse(JSON.readTree(json), "modalities table, " + name);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("modality " + name + " in the index is not valid JSON", e);
        }
    }
}
