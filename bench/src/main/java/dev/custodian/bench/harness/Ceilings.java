package dev.custodian.bench.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the disk allows, with no network and no parsing, on the filesystem that holds the stores.
 *
 * <p>{@code Ceilings durable DIR FILES THREADS BYTES}: FILES files of BYTES each, shared out over
 * THREADS threads, each written to a temporary name, fsynced, renamed to its final name and its
 * directory fsynced — the steps an archive must take before it may answer Success. Prints
 * "files seconds files_per_s".
 *
 * <p>{@code Ceilings sequential DIR BYTES}: one file of BYTES written in 1 MiB blocks, then fsynced.
 * Prints "bytes seconds MiB_per_s".
 *
 * <p>The files are deleted afterwards (untimed).
 */
public final class Ceilings {
    private static final int BLOCK = 1 << 20;

    private Ceilings() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("durable")) {
            int files = Integer.parseInt(args[2]);
            double s = durable(Path.of(args[1]), files, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            System.out.printf(Locale.ROOT, "%d %.3f %.1f%n", files, s, files / s);
        } else if (args.length == 3 && args[0].equals("sequential")) {
            long bytes = Long.parseLong(args[2]);
            double s = sequential(Path.of(args[1]), bytes);
            System.out.printf(Locale.ROOT, "%d %.3f %.1f%n", bytes, s, bytes / 1048576.0 / s);
        } else {
            System.err.println("usage: Ceilings durable DIR FILES THREADS BYTES | sequential DIR BYTES");
            System.exit(2);
        }
    }

    /** Seconds for FILES durable writes over THREADS threads into one fresh folder under dir. */
    static double durable(Path dir, int files, int threads, int bytes) throws Exception {
        Path folder = fresh(dir.resolve("durable-" + threads));
        byte[] content = new byte[bytes];
        new Random(42).nextBytes(content);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = new ArrayList<>(threads);
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < files; i = next.getAndIncrement()) {
                        writeDurably(folder, "f" + i, content);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdownNow();
            delete(folder);
        }
    }

    private static void writeDurably(Path folder, String name, byte[] content) throws IOException {
        Path tmp = folder.resolve(name + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(folder, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /** Seconds to write and fsync one file of the given size. */
    static double sequential(Path dir, long bytes) throws IOException {
        Path folder = fresh(dir.resolve("sequential"));
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        byte[] random = new byte[BLOCK];
        new Random(42).nextBytes(random);
        block.put(random).flip();
        try {
            long t0 = System.nanoTime();
            try (FileChannel ch = FileChannel.open(folder.resolve("big"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (long left = bytes; left > 0; ) {
                    block.clear().limit((int) Math.min(BLOCK, left));
                    left -= ch.write(block);
                }
                ch.force(true);
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            delete(folder);
        }
    }

    private static Path fresh(Path folder) throws IOException {
        delete(folder);
        return Files.createDirectories(folder);
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(folder);
        }
    }
}
