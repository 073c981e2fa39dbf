package dev.custodian.server.cli;

import ch.qos.logback.classic.Level;
import dev.custodian.server.config.ConfigException;
import dev.custodian.server.config.ConfigLoader;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.tools.Tools;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code custodian [--verbose] [config.json]}. Exit codes: 0 normal stop, 1 start-up failure,
 * 2 bad command line or configuration (one line on stderr naming the key and the problem).
 *
 * <p>{@code custodian echo | store | stgcmt ...} runs one of the command-line tools of
 * {@link Tools} instead, with their own exit codes; no database or storage is opened for them.
 */
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    /** Looked up when the server starts, not when Main loads: a quiet tool never initialises logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(Main.class);
    }

    @Command(name = "custodian", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "DICOM image manager. Without a configuration file, every key has its default.")
    static final class Options {
        @Option(names = "--verbose", description = "log at DEBUG level")
        boolean verbose;

        @Parameters(arity = "0..1", paramLabel = "config.json", description = "JSON configuration file (Orthanc's keys)")
        Path config;
    }

    /** What to do once the server runs; production waits for SIGTERM, tests query and return. */
    @FunctionalInterface
    interface WhileRunning {
        void run(Application application) throws InterruptedException;
    }

    private Main() {}

    public static void main(String[] args) {
        Tools.beforeLogging(args);
        int code = run(args, System.out, System.err, Main::awaitShutdown);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err, WhileRunning whileRunning) {
        Options options = new Options();
        CommandLine cli = Tools.addTo(new CommandLine(options));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            if (Tools.isTool(e.getCommandLine())) {
                return Tools.usageError(e);
            }
            err.println("custodian: " + e.getMessage());
            return EXIT_USAGE;
        }
        List<CommandLine> parsed = cli.getParseResult().asCommandLineList();
        if (parsed.size() > 1) {
            return Tools.run(parsed.get(parsed.size() - 1));
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return EXIT_OK;
        }
        if (cli.isVersionHelpRequested()) {
            out.println("Custodian " + version());
            return EXIT_OK;
        }
        if (options.verbose) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
        }
        CustodianConfig config;
        try {
            config = options.config == null
                    ? CustodianConfig.defaults(Path.of("").toAbsolutePath())
                    : ConfigLoader.load(options.config);
        } catch (ConfigException e) {
            err.println("custodian: " + (options.config == null ? "" : options.config + ": ") + e.getMessage());
            return EXIT_USAGE;
        }
        try (Application app = Application.start(config, version(), Clock.systemUTC())) {
            log().info("Custodian {} started: DICOM AET {} port {}, HTTP {}, index {}", version(), config.dicomAet(),
                    app.dicomPort(), app.httpPort(), app.indexDescription());
            log().info("JVM {}: {}", Runtime.version(), jvmSettings());
            whileRunning.run(app);
            return EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_OK;
        } catch (ConfigException e) {
            // a key only checkable at start: PEM files, StorageCommitmentCheck naming no known check, a jar of Plugins
            err.println("custodian: " + (options.config == null ? "" : options.config + ": ") + e.getMessage());
            return EXIT_USAGE;
        } catch (Exception e) {
            log().error("Custodian could not start", e);
            err.println("custodian: cannot start: " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    /** Blocks until SIGTERM / Ctrl-C; the shutdown hook lets {@link #run} close everything in order. */
    private static void awaitShutdown(Application app) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread mainThread = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                mainThread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "custodian-shutdown"));
        stop.await();
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Custodian " + version()};
        }
    }

    /**
     * The JVM's memory settings as it applied them and its -X flags (for the startup log; not the
     * -D properties, which may hold secrets).
     */
    static String jvmSettings() {
        long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        String arenas = System.getenv("MALLOC_ARENA_MAX");
        return "max heap " + maxHeap + " MiB, collectors " + gc + ", flags "
                + ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X"))
                        .collect(Collectors.joining(" "))
                + (arenas == null ? "" : ", MALLOC_ARENA_MAX=" + arenas);
    }
}
