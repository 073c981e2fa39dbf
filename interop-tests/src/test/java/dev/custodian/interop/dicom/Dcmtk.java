package dev.custodian.interop.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs DCMTK command-line tools (dcmdump, dump2dcm, img2dcm, dcmconv) as external processes,
 * with a timeout and with stdout/stderr captured. A missing tool is a test failure
 * (an {@link AssertionError} naming the tool), never a skip: CI installs DCMTK.
 */
final class Dcmtk {

    /** Result of one tool run: exit code, raw stdout bytes and stderr text. */
    record Run(List<String> command, int exitCode, byte[] stdout, String stderr) {
        String stdoutLatin1() {
            return new String(stdout, StandardCharsets.ISO_8859_1);
        }

        /** Fails with the command line and stderr when the tool did not exit with 0. */
        Run requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode
                        + "\nstderr:\n" + stderr);
            }
            return this;
        }

        /** Warning/error lines ("W:", "E:", "F:") that the tool printed on stderr. */
        List<String> diagnostics() {
            List<String> lines = new ArrayList<>();
            for (String line : stderr.split("\\R")) {
                if (line.startsWith("W:") || line.startsWith("E:") || line.startsWith("F:")) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    private static final long TIMEOUT_SECONDS = 60;

    private Dcmtk() {
    }

    static Run run(String tool, Object... args) {
        List<String> command = new ArrayList<>();
        command.add(tool);
        for (Object arg : args) {
            command.add(arg instanceof Path p ? p.toString() : String.valueOf(arg));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TCP_NODELAY", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("DCMTK tool '" + tool + "' cannot be started (is dcmtk installed?): "
                    + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Run(List.copyOf(command), process.exitValue(), out.get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    new String(err.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while running " + command, e);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("running " + command + " failed: " + e, e);
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

    /**
     * The options used for every oracle dump: print long values completely ({@code +L}), no UID
     * names ({@code -Un}), non-ASCII and control characters quoted as XML entities ({@code +Qn})
     * so that every element is exactly one line and bytes survive unambiguously.
     */
    static Run dcmdump(Path file, String... extra) {
        List<Object> args = new ArrayList<>(List.of("+L", "-Un", "+Qn"));
        args.addAll(List.of(extra));
        args.add(file);
        return run("dcmdump", args.toArray());
    }
}
