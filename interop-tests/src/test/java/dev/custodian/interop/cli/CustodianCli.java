package dev.custodian.interop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.interop.support.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code custodian TOOL ...} as a process of the shaded jar (as the launcher script does), stdout and stderr apart. */
final class CustodianCli {
    static final Path JAR = Tools.ROOT.resolve("server/target/custodian.jar");
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private CustodianCli() {
    }

    /** {@code java -jar custodian.jar args...}; each argument as its string. */
    static Tools.Streams run(Object... args) {
        assertThat(JAR).as("the shaded jar (mvn package of server)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        return Tools.runSeparately(LIMIT, command);
    }

    /** The lines of {@code text}, blank ones left out. */
    static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }
}
