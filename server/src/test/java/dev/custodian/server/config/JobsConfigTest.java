package dev.custodian.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobsConfigTest {
    private static final Path BASE = Path.of("/tmp");

    @Test
    void orthancsJobKeysAndDefaults() {
        assertThat(CustodianConfig.defaults(BASE).jobs()).isEqualTo(new JobsConfig(2, 10, true));
        CustodianConfig c = ConfigLoader.parse("{\"ConcurrentJobs\": 4, \"JobsHistorySize\": 0, \"SaveJobs\": false, "
                + "\"LimitJobs\": 10}", BASE);
        assertThat(c.jobs()).isEqualTo(new JobsConfig(4, 0, false));
        assertThat(c.jobs().workers()).isEqualTo(4);
        assertThat(ConfigLoader.parse("{\"ConcurrentJobs\": 0}", BASE).jobs().workers())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void illTypedOrOutOfRangeJobKeysNameTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("{\"ConcurrentJobs\": -1}", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ConcurrentJobs");
        assertThatThrownBy(() -> ConfigLoader.parse("{\"JobsHistorySize\": \"ten\"}", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("JobsHistorySize");
        assertThatThrownBy(() -> ConfigLoader.parse("{\"SaveJobs\": 1}", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SaveJobs");
    }
}
