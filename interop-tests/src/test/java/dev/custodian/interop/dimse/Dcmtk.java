package dev.custodian.interop.dimse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs DCMTK tools for the interop tests: with TCP_NODELAY=1 in their environment, output
 * captured to a file, and a time limit. A missing tool fails the test (CI installs DCMTK).
 */
final class Dcmtk {
    /** A finished run. */
    record Result(int exitCode, String output) {
        Result requireSuccess(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    private Dcmtk() {
    }

    /** Starts {@code command} (tool name first), output going to {@code log}. */
    static Process start(Path log, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        try {
            return pb.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command.get(0) + " (is DCMTK installed?): " + e.getMessage(), e);
        }
    }

    /** Runs {@code command} to its end, at most {@code limit}. */
    static Result run(Duration limit, String... command) {
        try {
            Path log = Files.createTempFile("dcmtk-", ".log");
            try {
                Process p = start(log, List.of(command));
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(command[0] + " did not finish within " + limit + ":\n"
                            + Files.readString(log));
                }
                return new Result(p.exitValue(), Files.readString(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs several commands at once and waits for all of them. */
    static List<Result> runAll(Duration limit, List<List<String>> commands) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (List<String> c : commands) {
            Path log = Files.createTempFile("dcmtk-", ".log");
            logs.add(log);
            processes.add(start(log, c));
        }
        List<Result> results = new ArrayList<>();
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            long left = Math.max(1, deadline - System.nanoTime());
            if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                processes.forEach(Process::destroyForcibly);
                throw new AssertionError(commands.get(i).get(0) + " did not finish within " + limit);
            }
            results.add(new Result(p.exitValue(), Files.readString(logs.get(i))));
            Files.deleteIfExists(logs.get(i));
        }
        return results;
    }

    /** A TCP port free on 127.0.0.1 right now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
