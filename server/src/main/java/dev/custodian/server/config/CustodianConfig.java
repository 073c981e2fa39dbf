package dev.custodian.server.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration, immutable, validated. Key names follow Orthanc's configuration file
 * where Orthanc has one; {@code docs/CONFIGURATION.md} lists every key.
 */
public record CustodianConfig(
        String name,
        String dicomAet,
        int dicomPort,
        int httpPort,
        Path storageDirectory,
        Path indexDirectory,
        boolean remoteAccessAllowed,
        boolean authenticationEnabled,
        Map<String, String> registeredUsers,
        boolean dicomCheckCalledAet,
        boolean dicomCheckModalityHost,
        boolean dicomAlwaysAllowEcho,
        boolean dicomAlwaysAllowStore,
        int dicomScpTimeoutSeconds,
        int dicomScuTimeoutSeconds,
        long maximumStorageSizeMb,
        boolean overwriteInstances,
        Map<String, RemoteModality> dicomModalities,
        Optional<PostgresConfig> postgresql,
        int dicomMaximumAssociations,
        int maximumPduLength,
        int storageCommitmentReportsSize,
        long minimumFreeDiskSpaceMb,
        JobsConfig jobs,
        StorageCommitmentConfig storageCommitment,
        CommitmentScuConfig commitmentScu,
        AcceptedTransferSyntaxPreference acceptedTransferSyntaxPreference,
        PluginsConfig plugins) {

    /** PS3.8 §D.3.3.1: the smallest maximum length a receiver may announce is not bounded, but below 4 KiB is useless. */
    public static final int MIN_PDU_LENGTH = 4096;

    public CustodianConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dicomAet, "dicomAet");
        Objects.requireNonNull(storageDirectory, "storageDirectory");
        Objects.requireNonNull(indexDirectory, "indexDirectory");
        Objects.requireNonNull(postgresql, "postgresql");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(storageCommitment, "storageCommitment");
        Objects.requireNonNull(commitmentScu, "commitmentScu");
        Objects.requireNonNull(acceptedTransferSyntaxPreference, "acceptedTransferSyntaxPreference");
        Objects.requireNonNull(plugins, "plugins");
        registeredUsers = Map.copyOf(registeredUsers);
        dicomModalities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dicomModalities));
        requireRange("DicomPort", dicomPort, 0, 65535);
        requireRange("HttpPort", httpPort, 0, 65535);
        requireRange("DicomScpTimeout", dicomScpTimeoutSeconds, 0, Integer.MAX_VALUE);
        requireRange("DicomScuTimeout", dicomScuTimeoutSeconds, 0, Integer.MAX_VALUE);
        requireRange("DicomMaximumAssociations", dicomMaximumAssociations, 1, 10_000);
        requireRange("MaximumPduLength", maximumPduLength, MIN_PDU_LENGTH, Integer.MAX_VALUE);
        requireRange("StorageCommitmentReportsSize", storageCommitmentReportsSize, 0, Integer.MAX_VALUE);
        if (dicomAet.isBlank() || dicomAet.length() > 16) {
            throw new ConfigException("DicomAet", "must have 1 to 16 characters, got \"" + dicomAet + "\"");
        }
        if (maximumStorageSizeMb < 0) {
            throw new ConfigException("MaximumStorageSize", "must be >= 0 (0 = unlimited), got " + maximumStorageSizeMb);
        }
        if (minimumFreeDiskSpaceMb < 0) {
            throw new ConfigException("MinimumFreeDiskSpace", "must be >= 0, got " + minimumFreeDiskSpaceMb);
        }
    }

    /** The configuration without the Storage Commitment and plug-in keys and AcceptedTransferSyntaxPreference (all at their defaults). */
    public CustodianConfig(String name, String dicomAet, int dicomPort, int httpPort, Path storageDirectory,
                           Path indexDirectory, boolean remoteAccessAllowed, boolean authenticationEnabled,
                           Map<String, String> registeredUsers, boolean dicomCheckCalledAet,
                           boolean dicomCheckModalityHost, boolean dicomAlwaysAllowEcho, boolean dicomAlwaysAllowStore,
                           int dicomScpTimeoutSeconds, int dicomScuTimeoutSeconds, long maximumStorageSizeMb,
                           boolean overwriteInstances, Map<String, RemoteModality> dicomModalities,
                           Optional<PostgresConfig> postgresql, int dicomMaximumAssociations, int maximumPduLength,
                           int storageCommitmentReportsSize, long minimumFreeDiskSpaceMb, JobsConfig jobs) {
        this(name, dicomAet, dicomPort, httpPort, storageDirectory, indexDirectory, remoteAccessAllowed,
                authenticationEnabled, registeredUsers, dicomCheckCalledAet, dicomCheckModalityHost,
                dicomAlwaysAllowEcho, dicomAlwaysAllowStore, dicomScpTimeoutSeconds, dicomScuTimeoutSeconds,
                maximumStorageSizeMb, overwriteInstances, dicomModalities, postgresql, dicomMaximumAssociations,
                maximumPduLength, storageCommitmentReportsSize, minimumFreeDiskSpaceMb, jobs,
                StorageCommitmentConfig.defaults(), CommitmentScuConfig.defaults(),
                AcceptedTransferSyntaxPreference.PROPOSER, PluginsConfig.none());
    }

    private static void requireRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException(key, "must be in " + min + ".." + max + ", got " + value);
        }
    }

    /** Everything at its default, storage in {@code custodian-storage} under {@code baseDirectory}. */
    public static CustodianConfig defaults(Path baseDirectory) {
        return ConfigLoader.parse("{}", baseDirectory);
    }

    /** The index uses PostgreSQL (the {@code PostgreSQL.EnableIndex} key is true). */
    public boolean usesPostgresIndex() {
        return postgresql.map(PostgresConfig::enableIndex).orElse(false);
    }

    /** {@code MaximumStorageSize} in bytes, 0 = unlimited. */
    public long maximumStorageBytes() {
        return maximumStorageSizeMb * 1024L * 1024L;
    }

    /** A copy with other HTTP and DICOM ports (tests bind port 0). */
    public CustodianConfig withPorts(int newDicomPort, int newHttpPort) {
        return new CustodianConfig(name, dicomAet, newDicomPort, newHttpPort, storageDirectory, indexDirectory,
                remoteAccessAllowed, authenticationEnabled, registeredUsers, dicomCheckCalledAet,
                dicomCheckModalityHost, dicomAlwaysAllowEcho, dicomAlwaysAllowStore, dicomScpTimeoutSeconds,
                dicomScuTimeoutSeconds, maximumStorageSizeMb, overwriteInstances, dicomModalities, postgresql,
                dicomMaximumAssociations, maximumPduLength, storageCommitmentReportsSize, minimumFreeDiskSpaceMb, jobs,
                storageCommitment, commitmentScu, acceptedTransferSyntaxPreference, plugins);
    }

    /** A copy with other Storage Commitment settings (e.g. the default check a plug-in became). */
    public CustodianConfig withStorageCommitment(StorageCommitmentConfig newStorageCommitment) {
        return new CustodianConfig(name, dicomAet, dicomPort, httpPort, storageDirectory, indexDirectory,
                remoteAccessAllowed, authenticationEnabled, registeredUsers, dicomCheckCalledAet,
                dicomCheckModalityHost, dicomAlwaysAllowEcho, dicomAlwaysAllowStore, dicomScpTimeoutSeconds,
                dicomScuTimeoutSeconds, maximumStorageSizeMb, overwriteInstances, dicomModalities, postgresql,
                dicomMaximumAssociations, maximumPduLength, storageCommitmentReportsSize, minimumFreeDiskSpaceMb, jobs,
                newStorageCommitment, commitmentScu, acceptedTransferSyntaxPreference, plugins);
    }
}
