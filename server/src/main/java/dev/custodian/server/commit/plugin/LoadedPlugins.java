package dev.custodian.server.commit.plugin;

import dev.custodian.commit.spi.PluginContext;
import dev.custodian.commit.spi.StorageCommitmentPlugin;
import dev.custodian.server.commit.check.CommitmentCheck;
import dev.custodian.server.config.ConfigException;
import dev.custodian.server.config.PluginsConfig;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plug-ins of the {@code Plugins} key, loaded at start: each entry (a jar, or a folder whose
 * jars share one class loader so that a plug-in can ship its libraries beside it) gets a
 * {@link URLClassLoader} whose parent is the JDK plus the SPI; its
 * {@link StorageCommitmentPlugin} services are instantiated and started. Anything wrong — a path
 * that does not exist, a file that is not a jar, a jar without the service, a class that does
 * not load, a start that fails, a name used twice — is a {@link ConfigException} on
 * {@code Plugins}: Custodian does not start (exit code 2).
 */
public final class LoadedPlugins implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedPlugins.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> BUILT_IN = Set.of("index", "file", "checksum");
    private static final String KEY = "Plugins";

    private final List<PluginCheck> checks;
    private final List<URLClassLoader> loaders;
    private final PluginCalls calls;

    private LoadedPlugins(List<PluginCheck> checks, List<URLClassLoader> loaders, PluginCalls calls) {
        this.checks = List.copyOf(checks);
        this.loaders = List.copyOf(loaders);
        this.calls = calls;
    }

    /** Loads and starts every plug-in of {@code config}; none configured costs nothing. */
    public static LoadedPlugins load(PluginsConfig config, String localAet) {
        PluginCalls calls = new PluginCalls(config.callTimeout());
        List<PluginCheck> checks = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            Set<String> names = new HashSet<>();
            for (Path entry : config.paths()) {
                URLClassLoader loader = classLoader(entry);
                if (loader == null) {
                    continue;
                }
                loaders.add(loader);
                for (StorageCommitmentPlugin plugin : services(entry, loader)) {
                    checks.add(started(entry, loader, plugin, names, localAet, calls));
                }
            }
        } catch (RuntimeException e) {
            new LoadedPlugins(checks, loaders, calls).close();
            throw e;
        }
        return new LoadedPlugins(checks, loaders, calls);
    }

    private static URLClassLoader classLoader(Path entry) {
        List<Path> jars = jars(entry);
        if (jars.isEmpty()) {
            LOG.warn("{}: folder {} holds no .jar file, no plug-in loaded from it", KEY, entry);
            return null;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            Path jar = jars.get(i);
            try (java.util.jar.JarFile readable = new java.util.jar.JarFile(jar.toFile())) {
                readable.getManifest(); // opens the central directory: a damaged jar fails here
                urls[i] = jar.toUri().toURL();
            } catch (IOException e) {
                throw new ConfigException(KEY, jar + " is not a readable jar: " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("plugin:" + entry.getFileName(), urls,
                new SpiOnlyClassLoader(StorageCommitmentPlugin.class.getClassLoader()));
    }

    private static List<Path> jars(Path entry) {
        if (Files.isRegularFile(entry)) {
            if (!entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
                throw new ConfigException(KEY, entry + " is neither a .jar file nor a folder of jars");
            }
            return List.of(entry);
        }
        if (!Files.isDirectory(entry)) {
            throw new ConfigException(KEY, entry + " does not exist");
        }
        try (var files = Files.list(entry)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(KEY, "cannot list folder " + entry + ": " + e.getMessage(), e);
        }
    }

    private static List<StorageCommitmentPlugin> services(Path entry, ClassLoader loader) {
        List<StorageCommitmentPlugin> plugins = new ArrayList<>();
        try {
            ServiceLoader.load(StorageCommitmentPlugin.class, loader).forEach(plugins::add);
        } catch (ServiceConfigurationError e) {
            Throwable root = e.getCause() == null ? e : e.getCause();
            throw new ConfigException(KEY, entry + ": a plug-in class cannot be loaded: " + e.getMessage()
                    + (root == e ? "" : " (" + root + ")"), e);
        } catch (LinkageError e) {
            throw new ConfigException(KEY, entry + ": a plug-in class cannot be loaded: " + e, e);
        }
        if (plugins.isEmpty()) {
            throw new ConfigException(KEY, entry + " provides no " + StorageCommitmentPlugin.class.getName()
                    + " (no META-INF/services entry)");
        }
        return plugins;
    }

    private static PluginCheck started(Path entry, ClassLoader loader, StorageCommitmentPlugin plugin,
                                       Set<String> names, String localAet, PluginCalls calls) {
        String name;
        try {
            name = calls.call(loader, plugin::name);
        } catch (PluginCallFailure e) {
            throw new ConfigException(KEY, entry + ": " + plugin.getClass().getName() + ".name() " + e.getMessage(), e);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigException(KEY, entry + ": plug-in name \"" + name
                    + "\" must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (BUILT_IN.contains(name.toLowerCase(Locale.ROOT)) || !names.add(name.toLowerCase(Locale.ROOT))) {
            throw new ConfigException(KEY, entry + ": plug-in name \"" + name
                    + "\" is already taken (by a built-in check or another plug-in)");
        }
        PluginContext context = new Context(entry, localAet);
        try {
            calls.call(loader, () -> {
                plugin.start(context);
                return null;
            });
        } catch (PluginCallFailure e) {
            Throwable cause = e.getCause() != null && e.kind() == PluginCallFailure.Kind.THREW ? e.getCause() : e;
            throw new ConfigException(KEY, entry + ": plug-in " + name + " failed to start: " + cause.getMessage(), e);
        }
        LOG.info("storage commitment check plug-in {} loaded from {}", name, entry);
        return new PluginCheck(plugin, loader, entry, calls);
    }

    private record Context(Path location, String localAet) implements PluginContext {}

    /**
     * The server-wide default check, Orthanc's rule: the configured {@code StorageCommitmentCheck}
     * when the file names one, else the loaded plug-in if there is one, else {@code configured}
     * (the built-in default).
     *
     * @throws ConfigException on {@code StorageCommitmentCheck} when several plug-ins are loaded and
     *                         none is named: which one would be the default is a guess
     */
    public String defaultCheck(String configured, boolean named) {
        if (named || checks.isEmpty()) {
            return configured;
        }
        if (checks.size() > 1) {
            throw new ConfigException("StorageCommitmentCheck", checks.size() + " plug-ins are loaded ("
                    + String.join(", ", checks.stream().map(PluginCheck::name).toList())
                    + "): name the default check");
        }
        return checks.get(0).name();
    }

    /** The loaded checks, in the order of the {@code Plugins} entries. */
    public List<CommitmentCheck> checks() {
        return List.copyOf(checks);
    }

    /** Stops the plug-in threads and closes the class loaders (after the jobs have stopped). */
    @Override
    public void close() {
        calls.close();
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("closing the class loader of {}: {}", loader.getName(), e.toString());
            }
        }
    }
}
