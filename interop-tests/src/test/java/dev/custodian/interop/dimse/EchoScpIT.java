package dev.custodian.interop.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Tools;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DCMTK echoscu against our Verification SCP (PS3.4 Annex A). */
class EchoScpIT {
    @TempDir
    Path dir;
    private DimseFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new DimseFixture(dir).start(16_384, null);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void echoscuGetsSuccess() {
        Tools.Result r = Tools.run(Duration.ofSeconds(30), "echoscu", "-v", "-aet", "ECHOSCU", "-aec", DimseFixture.AE,
                "127.0.0.1", String.valueOf(fixture.port()));
        r.requireSuccess("echoscu");
        assertThat(r.output()).contains("Received Echo Response (Success)");
    }

    @Test
    void echoscuWithWrongCalledAeIsRejected() {
        Tools.Result r = Tools.run(Duration.ofSeconds(30), "echoscu", "-v", "-aet", "ECHOSCU", "-aec", "SOMEONE_ELSE",
                "127.0.0.1", String.valueOf(fixture.port()));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).containsIgnoringCase("Association Rejected").contains("Called AE Title Not Recognized");
    }

    @Test
    void severalEchoesOnOneAssociation() {
        Tools.Result r = Tools.run(Duration.ofSeconds(30), "echoscu", "-v", "--repeat", "5", "-aec", DimseFixture.AE,
                "127.0.0.1", String.valueOf(fixture.port()));
        r.requireSuccess("echoscu --repeat 5");
        assertThat(r.output().split("Received Echo Response \\(Success\\)", -1)).hasSize(6);
    }
}
