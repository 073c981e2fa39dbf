package dev.custodian.server.commit.plugin;

import dev.custodian.commit.spi.StorageCommitmentPlugin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Plug-in jars built from compiled test classes, with their META-INF/services file. */
final class TestJars {
    private TestJars() {}

    /** A jar holding {@code classes} and declaring {@code services} as StorageCommitmentPlugin providers. */
    static Path jar(Path file, List<Class<?>> classes, List<Class<?>> services) throws IOException {
        Files.createDirectories(file.getParent());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
            for (Class<?> c : classes) {
                String entry = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                jar.write(Files.readAllBytes(classFile(c)));
                jar.closeEntry();
            }
            if (!services.isEmpty()) {
                jar.putNextEntry(new JarEntry("META-INF/services/" + StorageCommitmentPlugin.class.getName()));
                StringBuilder names = new StringBuilder();
                services.forEach(s -> names.append(s.getName()).append('\n'));
                jar.write(names.toString().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    private static Path classFile(Class<?> c) throws IOException {
        try {
            Path root = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            return root.resolve(c.getName().replace('.', '/') + ".class");
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
