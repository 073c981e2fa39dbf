package dev.custodian.interop.plugin;

import dev.custodian.commit.spi.StorageCommitmentPlugin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** The plug-in jars the tests install: the BackupCheck module's, and one built from a test class. */
final class PluginJars {
    private PluginJars() {}

    /** The jar plugins/backup-check built in this reactor (the failsafe property custodian.backupCheckJar). */
    static Path backupCheck() {
        String path = System.getProperty("custodian.backupCheckJar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new AssertionError("the BackupCheck jar is not built (" + path + "): run the ITs through Maven with -am");
        }
        return Path.of(path);
    }

    /** A jar holding {@code plugin}'s class file and its META-INF/services entry. */
    static Path of(Class<? extends StorageCommitmentPlugin> plugin, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        String entry = plugin.getName().replace('.', '/') + ".class";
        Path classFile;
        try {
            classFile = Path.of(plugin.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(entry);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classFile));
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/" + StorageCommitmentPlugin.class.getName()));
            out.write((plugin.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
