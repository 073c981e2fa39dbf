package dev.custodian.server.tools;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The tools as subcommands of the launcher's command line ({@code custodian echo | store |
 * stgcmt}), and how one is run once parsed. Nothing here opens a database or a storage area.
 */
public final class Tools {
    private Tools() {
    }

    /** The names of the subcommands. */
    static final List<String> NAMES = List.of("echo", "store", "stgcmt");

    /**
     * Called by {@code main} before anything logs: a tool run without {@code -v} uses SLF4J's
     * no-operation provider (the tool prints what happened itself), which spares the start-up of
     * Logback and its XML configuration (about a second of a cold start on a busy machine).
     */
    public static void beforeLogging(String[] args) {
        if (args.length == 0 || !NAMES.contains(args[0])) {
            return;
        }
        for (String a : args) {
            if (a.equals("--verbose") || a.matches("-[A-Za-z]*v[A-Za-z]*")) {
                return;
            }
        }
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN"); // no notice that the provider was chosen
    }

    /** Adds the tools as subcommands of {@code launcher}. */
    public static CommandLine addTo(CommandLine launcher) {
        for (Object command : List.of(new EchoCommand(), new StoreCommand(), new StgcmtCommand())) {
            CommandLine sub = new CommandLine(command);
            launcher.addSubcommand(sub.getCommandName(), sub);
        }
        return launcher;
    }

    /** Runs the parsed subcommand {@code tool}: its help, or its work; the exit code of {@link ExitCodes}. */
    public static int run(CommandLine tool) {
        PrintWriter out = tool.getOut();
        if (tool.isUsageHelpRequested()) {
            tool.usage(out);
            out.flush();
            return ExitCodes.OK;
        }
        if (tool.isVersionHelpRequested()) {
            tool.printVersionHelp(out);
            out.flush();
            return ExitCodes.OK;
        }
        ToolCommand command = tool.getCommand();
        if (command.common().verbose.length > 0) {
            setLogLevel(command.common().verbose.length);
        }
        try {
            return command.call();
        } finally {
            out.flush();
            tool.getErr().flush();
        }
    }

    /** A bad command line of a tool: one line and a pointer to its help; {@link ExitCodes#USAGE}. */
    public static int usageError(CommandLine.ParameterException e) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("custodian " + e.getCommandLine().getCommandName() + ": " + e.getMessage()
                + " (custodian " + e.getCommandLine().getCommandName() + " --help)");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** True when {@code commandLine} is one of the tools (not the launcher itself). */
    public static boolean isTool(CommandLine commandLine) {
        return commandLine.getCommand() instanceof ToolCommand;
    }

    /** -v: INFO; -vv: DEBUG. */
    private static void setLogLevel(int verbosity) {
        Level level = verbosity == 1 ? Level.INFO : Level.DEBUG;
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(level);
    }
}
