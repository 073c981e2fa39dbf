package dev.custodian.server.commit.check;

import dev.custodian.server.config.ConfigException;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.index.Index;
import dev.custodian.server.store.StorageArea;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks a Storage Commitment SCP job may use, by {@link CommitmentCheck#name() name}: the
 * built-in {@code Index}, {@code File} and {@code Checksum}, plus any others (plug-ins) given to
 * {@link #with}. Names are case-sensitive, as in the configuration. Immutable.
 */
public final class CommitmentChecks {
    private final Map<String, CommitmentCheck> byName;

    private CommitmentChecks(Map<String, CommitmentCheck> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The three built-in checks over this index and storage area. */
    public static CommitmentChecks builtIn(Index index, StorageArea storage) {
        Map<String, CommitmentCheck> m = new LinkedHashMap<>();
        for (CommitmentCheck c : List.of(new IndexCheck(index), new FileCheck(index, storage),
                new ChecksumCheck(index, storage))) {
            m.put(c.name(), c);
        }
        return new CommitmentChecks(m);
    }

    /**
     * These checks and {@code more} (e.g. plug-ins).
     *
     * @throws IllegalArgumentException when a name is taken already
     */
    public CommitmentChecks with(List<? extends CommitmentCheck> more) {
        Map<String, CommitmentCheck> m = new LinkedHashMap<>(byName);
        for (CommitmentCheck c : more) {
            if (m.putIfAbsent(c.name(), c) != null) {
                throw new IllegalArgumentException("two Storage Commitment checks are named \"" + c.name() + "\"");
            }
        }
        return new CommitmentChecks(m);
    }

    public Optional<CommitmentCheck> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names known, sorted, for error messages. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    /**
     * Checks that {@code StorageCommitmentCheck}, server-wide and of every configured modality,
     * names a known check.
     *
     * @throws ConfigException naming the key otherwise
     */
    public void validate(CustodianConfig config) {
        require(config.storageCommitment().check(), "StorageCommitmentCheck");
        for (Map.Entry<String, RemoteModality> m : config.dicomModalities().entrySet()) {
            if (m.getValue().storageCommitmentCheck() != null) {
                require(m.getValue().storageCommitmentCheck(),
                        "DicomModalities." + m.getKey() + ".StorageCommitmentCheck");
            }
        }
    }

    /** @throws ConfigException when {@code name} is not a known check */
    public void require(String name, String key) {
        if (!byName.containsKey(name)) {
            throw new ConfigException(key, "unknown Storage Commitment check \"" + name + "\" (known: "
                    + String.join(", ", names()) + ")");
        }
    }
}
