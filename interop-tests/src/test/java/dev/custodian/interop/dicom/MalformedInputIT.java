package dev.custodian.interop.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.custodian.dicom.data.DicomFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad input gives a clear DicomFormatException, never another exception, an OutOfMemoryError, a
 * StackOverflowError or an endless loop: DCMTK's rich file truncated at many offsets, and with
 * seeded random byte corruptions.
 */
class MalformedInputIT {

    @TempDir
    static Path dir;
    static byte[] original;

    @BeforeAll
    static void generate() throws Exception {
        original = Files.readAllBytes(DicomFixtures.richDataSet(dir));
    }

    @Test
    void everyTruncationIsRefusedWithAFormatException() throws Exception {
        int step = Math.max(1, original.length / 97);
        for (int length = 132; length < original.length; length += step) {
            Path file = dir.resolve("truncated.dcm");
            Files.write(file, Arrays.copyOf(original, length));
            Throwable thrown = readWithin(file);
            assertThat(thrown).as("file truncated to %d of %d bytes", length, original.length)
                    .isInstanceOf(DicomFormatException.class);
        }
    }

    @Test
    void corruptedBytesParseOrFailCleanly() throws Exception {
        Random random = new Random(20240131);
        for (int round = 0; round < 200; round++) {
            byte[] copy = original.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                copy[132 + random.nextInt(copy.length - 132)] = (byte) random.nextInt(256);
            }
            Path file = dir.resolve("corrupt.dcm");
            Files.write(file, copy);
            Throwable thrown = readWithin(file);
            if (thrown != null) {
                assertThat(thrown).as("round %d", round).isInstanceOf(DicomFormatException.class);
            }
        }
    }

    private static Throwable readWithin(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> OurCodec.read(file)));
    }
}
