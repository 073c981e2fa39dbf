package dev.custodian.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Storage Commitment SCP keys: defaults, values, and errors naming the key. */
class StorageCommitmentConfigTest {
    private static final Path BASE = Path.of("/tmp");

    @Test
    void defaultsAreFileCheckADayOfRetriesAndAHundredThousandReferences() {
        StorageCommitmentConfig c = ConfigLoader.parse("{}", BASE).storageCommitment();
        assertThat(c).isEqualTo(StorageCommitmentConfig.defaults());
        assertThat(c.check()).isEqualTo("File");
        assertThat(c.maximumReferences()).isEqualTo(100_000);
        assertThat(c.reportDeadline()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void keysAreReadServerWideAndPerModality() {
        CustodianConfig config = ConfigLoader.parse("{\"StorageCommitmentCheck\": \"Checksum\", "
                + "\"StorageCommitmentMaximumReferences\": 5, \"StorageCommitmentReportDeadline\": 60, "
                + "\"StorageCommitmentRetryInitialDelay\": 10, \"StorageCommitmentRetryMaximumDelay\": 20, "
                + "\"StorageCommitmentReportRefusals\": 2, \"StorageCommitmentInFlightGrace\": 0, "
                + "\"DicomModalities\": {\"ct\": {\"AET\": \"CT\", \"Host\": \"h\", \"Port\": 104, "
                + "\"StorageCommitmentCheck\": \"Index\", \"StorageCommitmentReportOnSameAssociation\": true}, "
                + "\"mr\": [\"MR\", \"h\", 104]}}", BASE);
        assertThat(config.storageCommitment()).isEqualTo(new StorageCommitmentConfig("Checksum", 5,
                Duration.ofMinutes(1), Duration.ofMillis(10), Duration.ofMillis(20), 2, Duration.ZERO));
        RemoteModality ct = config.dicomModalities().get("ct");
        assertThat(ct.commitmentCheck("Checksum")).isEqualTo("Index");
        assertThat(ct.reportOnSameAssociation()).isTrue();
        assertThat(config.dicomModalities().get("mr").commitmentCheck("Checksum")).isEqualTo("Checksum");
        assertThat(ModalityParser.toJson(ct).get("StorageCommitmentCheck").asText()).isEqualTo("Index");
        assertThat(ModalityParser.parse(ModalityParser.toJson(ct), "ct")).isEqualTo(ct);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("{\"StorageCommitmentRetryInitialDelay\": 100, "
                + "\"StorageCommitmentRetryMaximumDelay\": 10}", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("StorageCommitmentRetryMaximumDelay");
        assertThatThrownBy(() -> ConfigLoader.parse("{\"StorageCommitmentMaximumReferences\": 0}", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("StorageCommitmentMaximumReferences");
        assertThatThrownBy(() -> ConfigLoader.parse("{\"StorageCommitmentCheck\": \"\"}", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("StorageCommitmentCheck");
    }
}
