package dev.custodian.interop.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs external programs for the interop tests (DCMTK, openssl, keytool, python3, java): always
 * with {@code TCP_NODELAY=1} in their environment, within a time limit, their output captured. A
 * program that cannot be started fails the test with an {@link AssertionError} naming it; it is
 * never a skip, since CI installs every one of them.
 */
public final class Tools {
    /** The repository root, where the build's programs and scripts are (the ITs run in interop-tests/). */
    public static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** The time limit of {@link #run(String...)} and {@link #run(List)}. */
    public static final Duration LIMIT = Duration.ofSeconds(120);

    /** A finished run; {@code output} is stdout and stderr together, as the program wrote them. */
    public record Result(List<String> command, int exitCode, String output) {
        public Result {
            command = List.copyOf(command);
        }

        /** Fails with the output when the program did not exit with 0; {@code what} names it. */
        public Result requireSuccess(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    /** A finished run with stdout (as bytes) and stderr kept apart. */
    public record Streams(List<String> command, int exitCode, byte[] stdout, String stderr) {
        public Streams {
            command = List.copyOf(command);
        }

        public String stdoutLatin1() {
            return new String(stdout, StandardCharsets.ISO_8859_1);
        }

        /** Fails with the command line and stderr when the program did not exit with 0. */
        public Streams requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode
                        + "\nstderr:\n" + stderr);
            }
            return this;
        }

        /** The warning and error lines ("W:", "E:", "F:") a DCMTK tool printed on stderr. */
        public List<String> diagnostics() {
            List<String> lines = new ArrayList<>();
            for (String line : stderr.split("\\R")) {
                if (line.startsWith("W:") || line.startsWith("E:") || line.startsWith("F:")) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    private Tools() {
    }

    /** Starts {@code command} (program first), stdout and stderr going to {@code log}. */
    public static Process start(Path log, List<String> command) {
        return start(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()));
    }

    /** Runs {@code command} to its end, at most {@link #LIMIT}. */
    public static Result run(String... command) {
        return run(LIMIT, List.of(command));
    }

    /** Runs {@code command} to its end, at most {@link #LIMIT}. */
    public static Result run(List<String> command) {
        return run(LIMIT, command);
    }

    /** Runs {@code command} to its end, at most {@code limit}. */
    public static Result run(Duration limit, String... command) {
        return run(limit, List.of(command));
    }

    /** Runs {@code command} to its end, at most {@code limit}. */
    public static Result run(Duration limit, List<String> command) {
        return runAll(limit, List.of(command)).get(0);
    }

    /** Runs the commands at once and waits for all of them, at most {@code limit} in all. */
    public static List<Result> runAll(Duration limit, List<List<String>> commands) {
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            for (List<String> c : commands) {
                Path log = Files.createTempFile("interop-tool-", ".log");
                logs.add(log);
                processes.add(start(log, c));
            }
            List<Result> results = new ArrayList<>();
            long deadline = System.nanoTime() + limit.toNanos();
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                if (!p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    processes.forEach(Process::destroyForcibly);
                    throw new AssertionError(String.join(" ", commands.get(i)) + " did not finish within " + limit
                            + ":\n" + Files.readString(logs.get(i)));
                }
                results.add(new Result(commands.get(i), p.exitValue(), Files.readString(logs.get(i))));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processes.forEach(Process::destroyForcibly);
            throw new AssertionError("interrupted while running " + commands, e);
        } finally {
            for (Path log : logs) {
                deleteQuietly(log);
            }
        }
    }

    /**
     * Runs a command to its end, at most {@link #LIMIT}, with stdout and stderr kept apart; the
     * program first, then its arguments (a {@link Path} or any other value, as its string).
     */
    public static Streams runSeparately(Object... command) {
        List<String> strings = new ArrayList<>();
        for (Object part : command) {
            strings.add(String.valueOf(part));
        }
        return runSeparately(LIMIT, strings);
    }

    /** Runs {@code command} to its end, at most {@code limit}, with stdout and stderr kept apart. */
    public static Streams runSeparately(Duration limit, List<String> command) {
        Process process = start(new ProcessBuilder(command));
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + limit);
            }
            return new Streams(command, process.exitValue(), out.get(limit.toMillis(), TimeUnit.MILLISECONDS),
                    new String(err.get(limit.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while running " + command, e);
        } catch (IOException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("running " + command + " failed: " + e, e);
        }
    }

    /** Ends {@code process}: asks it to stop, and kills it when it has not within {@code grace}. */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Process start(ProcessBuilder builder) {
        builder.environment().put("TCP_NODELAY", "1");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + builder.command().get(0) + " (is it installed?): "
                    + e.getMessage(), e);
        }
    }

    private static byte[] drain(InputStream in) {
        try (in; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary log: nothing depends on its removal
        }
    }
}
