package dev.custodian.server.commit.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.server.commit.check.CheckedTransaction;
import dev.custodian.server.commit.check.CommitmentCheck;
import dev.custodian.server.commit.plugin.samples.CommitAllPlugin;
import dev.custodian.server.commit.plugin.samples.FailingStartPlugin;
import dev.custodian.server.commit.plugin.samples.FilePlugin;
import dev.custodian.server.commit.plugin.samples.SecondPlugin;
import dev.custodian.server.config.ConfigException;
import dev.custodian.server.config.PluginsConfig;
import dev.custodian.stgcmt.SopReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedPluginsTest {
    @TempDir
    Path dir;

    private static PluginsConfig config(Path... paths) {
        return new PluginsConfig(List.of(paths), Duration.ofSeconds(5), false);
    }

    private Path commitAllJar(Path file) throws Exception {
        return TestJars.jar(file, List.of(CommitAllPlugin.class), List.of(CommitAllPlugin.class));
    }

    @Test
    void aJarIsLoadedInItsOwnClassLoaderThatSeesOnlyTheJdkAndTheSpi() throws Exception {
        Path jar = commitAllJar(dir.resolve("commit-all.jar"));
        try (LoadedPlugins plugins = LoadedPlugins.load(config(jar), "CUSTODIAN")) {
            CommitmentCheck check = plugins.checks().get(0);
            assertThat(check.name()).isEqualTo("CommitAll");
            SopReference ref = new SopReference("1.2.840.10008.5.1.4.1.1.2", "1.2.3");
            CheckedTransaction tx = new CheckedTransaction("j", "2.25.1", "CT", "CUSTODIAN", 1, each -> each.accept(ref));
            try (CommitmentCheck.Lookup lookup = check.open(tx)) {
                assertThat(lookup.check(List.of(ref)).get(0).committed()).isTrue();
            }
        }
        // the copy on the test class path was not the one started
        assertThat(CommitAllPlugin.lastContext).isNull();
    }

    @Test
    void aFolderEntryLoadsItsJarsTogetherAndNamesTheFolderAsLocation() throws Exception {
        Path folder = dir.resolve("plugins");
        commitAllJar(folder.resolve("a.jar"));
        Files.writeString(folder.resolve("README.txt"), "not a jar");
        try (LoadedPlugins plugins = LoadedPlugins.load(config(folder), "CUSTODIAN")) {
            assertThat(plugins.checks()).extracting(CommitmentCheck::name).containsExactly("CommitAll");
            assertThat(((PluginCheck) plugins.checks().get(0)).location()).isEqualTo(folder);
        }
    }

    @Test
    void noPluginsCostNothingAndLeaveTheDefaultCheckAlone() {
        try (LoadedPlugins plugins = LoadedPlugins.load(PluginsConfig.none(), "CUSTODIAN")) {
            assertThat(plugins.checks()).isEmpty();
            assertThat(plugins.defaultCheck("File", false)).isEqualTo("File");
        }
    }

    @Test
    void aLoadedPluginIsTheDefaultCheckUnlessOneIsNamedAndTwoMustBeNamed() throws Exception {
        Path one = commitAllJar(dir.resolve("one/a.jar"));
        try (LoadedPlugins plugins = LoadedPlugins.load(config(one), "CUSTODIAN")) {
            assertThat(plugins.defaultCheck("File", false)).isEqualTo("CommitAll");
            assertThat(plugins.defaultCheck("Checksum", true)).isEqualTo("Checksum");
        }
        Path second = TestJars.jar(dir.resolve("two/b.jar"), List.of(SecondPlugin.class), List.of(SecondPlugin.class));
        try (LoadedPlugins plugins = LoadedPlugins.load(config(one, second), "CUSTODIAN")) {
            assertThat(plugins.checks()).extracting(CommitmentCheck::name).containsExactly("CommitAll", "Second");
            assertThat(plugins.defaultCheck("Second", true)).isEqualTo("Second");
            assertThatThrownBy(() -> plugins.defaultCheck("File", false)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("StorageCommitmentCheck").hasMessageContaining("CommitAll, Second");
        }
    }

    @Test
    void everyBadEntryIsAConfigErrorOnPlugins() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.jar"), new byte[] {1, 2, 3, 4});
        Path notJar = Files.writeString(dir.resolve("plugin.so"), "ELF");
        Path empty = TestJars.jar(dir.resolve("empty.jar"), List.of(CommitAllPlugin.class), List.of());
        Path failing = TestJars.jar(dir.resolve("failing.jar"), List.of(FailingStartPlugin.class),
                List.of(FailingStartPlugin.class));
        Path builtIn = TestJars.jar(dir.resolve("file.jar"), List.of(FilePlugin.class), List.of(FilePlugin.class));
        Path missingClass = TestJars.jar(dir.resolve("missing.jar"), List.of(), List.of(CommitAllPlugin.class));
        Path twice = commitAllJar(dir.resolve("twice.jar"));
        expectError(config(dir.resolve("absent.jar")), "absent.jar does not exist");
        expectError(config(garbage), "garbage.jar is not a readable jar");
        expectError(config(notJar), "is neither a .jar file nor a folder of jars");
        expectError(config(empty), "provides no dev.custodian.commit.spi.StorageCommitmentPlugin");
        expectError(config(failing), "plug-in FailingStart failed to start: settings file");
        expectError(config(builtIn), "plug-in name \"File\" is already taken");
        expectError(config(missingClass), "a plug-in class cannot be loaded");
        expectError(config(twice, commitAllJar(dir.resolve("again.jar"))), "\"CommitAll\" is already taken");
    }

    private static void expectError(PluginsConfig config, String message) {
        assertThatThrownBy(() -> LoadedPlugins.load(config, "CUSTODIAN"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("configuration key \"Plugins\": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("Plugins"));
    }
}
