package dev.custodian.server.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.SopReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** The tools' command lines: dcm4che's -c / -b syntax, durations, --uid, and whole invocations. */
class ArgumentsTest {
    @Test
    void bindTakesAnAeTitleWithOptionalHostAndPort() {
        assertThat(BindAddress.parse("STGCMTSCU:11114")).isEqualTo(new BindAddress("STGCMTSCU", null, 11114));
        assertThat(BindAddress.parse("STGCMTSCU")).isEqualTo(new BindAddress("STGCMTSCU", null, 0));
        assertThat(BindAddress.parse("ME@127.0.0.1:104")).isEqualTo(new BindAddress("ME", "127.0.0.1", 104));
        assertThat(BindAddress.parse("ME@10.0.0.5")).isEqualTo(new BindAddress("ME", "10.0.0.5", 0));
        assertThat(BindAddress.parse("ME@[::1]:104")).isEqualTo(new BindAddress("ME", "::1", 104));
        assertThat(BindAddress.parse("ME:104").listens()).isTrue();
        assertThat(BindAddress.parse("ME").listens()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {":104", "ME:0", "ME:65536", "ME:abc", "SEVENTEEN_CHARS_X:104", "ME@:104", "A\\B",
        "ME@[::1:104"})
    void badBindValuesAreRejected(String value) {
        assertThatThrownBy(() -> new Converters.Bind().convert(value)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void connectTakesAetAtHostColonPort() {
        assertThat(new Converters.Peer().convert("ORTHANC@localhost:4242"))
                .isEqualTo(new RemoteAe("ORTHANC", "localhost", 4242));
        assertThat(new Converters.Peer().convert("PACS@[fe80::1]:11112"))
                .isEqualTo(new RemoteAe("PACS", "fe80::1", 11112));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORTHANC", "ORTHANC@localhost", "@localhost:4242", "ORTHANC@:4242", "ORTHANC@host:0",
        "ORTHANC@host:x"})
    void badConnectValuesAreRejected(String value) {
        assertThatThrownBy(() -> new Converters.Peer().convert(value)).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void durationsAreSecondsOrHaveAUnit() {
        Converters.Time t = new Converters.Time();
        assertThat(t.convert("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.convert("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(t.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(t.convert("3s")).isEqualTo(Duration.ofSeconds(3));
        assertThat(t.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(t.convert("1h")).isEqualTo(Duration.ofHours(1));
        for (String bad : List.of("0", "-1", "abc", "5x", "NaN", "0.0001")) {
            assertThatThrownBy(() -> t.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class);
        }
    }

    @Test
    void uidTakesClassColonInstance() {
        assertThat(new Converters.Reference().convert("1.2.840.10008.5.1.4.1.1.2:1.2.3.4"))
                .isEqualTo(new SopReference("1.2.840.10008.5.1.4.1.1.2", "1.2.3.4"));
        assertThatThrownBy(() -> new Converters.Reference().convert("1.2.3")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> new Converters.Reference().convert("1.2.3:x.y"))
                .isInstanceOf(TypeConversionException.class);
    }

    @Test
    void theOrthancBookInvocationOfStgcmtscuParses() {
        StgcmtCommand c = new StgcmtCommand();
        new CommandLine(c).parseArgs("-b", "STGCMTSCU:11114", "-c", "ORTHANC@localhost:4242", "DummyCT.dcm");
        assertThat(c.bind).isEqualTo(new BindAddress("STGCMTSCU", null, 11114));
        assertThat(c.peer).isEqualTo(new RemoteAe("ORTHANC", "localhost", 4242));
        assertThat(c.paths).containsExactly(Path.of("DummyCT.dcm"));
        assertThat(c.common.timeout).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.keepAlive).isFalse();
        assertThat(c.split).isZero();
    }

    @Test
    void storeWithCommitmentParses() {
        StoreCommand c = new StoreCommand();
        new CommandLine(c).parseArgs("-c", "PACS@pacs:104", "--stgcmt", "-b", "MOD1:11115", "--split", "100",
                "--timeout", "2m", "-vv", "a", "b/");
        assertThat(c.stgcmt).isTrue();
        assertThat(c.bind).isEqualTo(new BindAddress("MOD1", null, 11115));
        assertThat(c.split).isEqualTo(100);
        assertThat(c.common.timeout).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.common.verbose).hasSize(2);
        assertThat(c.paths).containsExactly(Path.of("a"), Path.of("b/"));
    }

    @Test
    void defaultsCallAsTheDcm4cheToolsDo() {
        EchoCommand echo = new EchoCommand();
        new CommandLine(echo).parseArgs("-c", "A@h:1");
        StoreCommand store = new StoreCommand();
        new CommandLine(store).parseArgs("-c", "A@h:1", "f");
        assertThat(echo.bind.aeTitle()).isEqualTo("ECHOSCU");
        assertThat(store.bind.aeTitle()).isEqualTo("STORESCU");
        StgcmtCommand stgcmt = new StgcmtCommand();
        new CommandLine(stgcmt).parseArgs("-c", "A@h:1", "--uid", "1.2:3.4");
        assertThat(stgcmt.bind).isEqualTo(new BindAddress("STGCMTSCU", null, 0));
        assertThat(stgcmt.uids).containsExactly(new SopReference("1.2", "3.4"));
    }

    @Test
    void quietToolsUseTheNoOperationLoggerUnlessVerbose() {
        assertThat(quiet("stgcmt", "-c", "A@h:1", "f")).isTrue();
        assertThat(quiet("stgcmt", "-c", "A@h:1", "-v", "f")).isFalse();
        assertThat(quiet("store", "-vv", "-c", "A@h:1", "f")).isFalse();
        assertThat(quiet("echo", "--verbose", "-c", "A@h:1")).isFalse();
        assertThat(quiet("config.json")).isFalse();
        assertThat(quiet()).isFalse();
    }

    private static boolean quiet(String... args) {
        String before = System.getProperty("slf4j.provider");
        try {
            System.clearProperty("slf4j.provider");
            Tools.beforeLogging(args);
            return System.getProperty("slf4j.provider") != null;
        } finally {
            if (before == null) {
                System.clearProperty("slf4j.provider");
            } else {
                System.setProperty("slf4j.provider", before);
            }
            System.clearProperty("slf4j.internal.verbosity");
        }
    }
}
