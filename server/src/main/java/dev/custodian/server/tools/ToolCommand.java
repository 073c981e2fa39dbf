package dev.custodian.server.tools;

import java.util.concurrent.Callable;

/** A subcommand of {@code custodian}: its exit code from {@link #call()}; the common options for logging. */
interface ToolCommand extends Callable<Integer> {
    CommonOptions common();

    /** The exit code of {@link ExitCodes}; problems are printed, not thrown. */
    @Override
    Integer call();
}
