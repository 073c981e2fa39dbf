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

    @Test
    void aHugeDeclaredLengthIsRefusedWithoutAllocatingIt() throws Exception {
        // Pixel Data's 32-bit length (Explicit VR OW: tag, "OW", 2 reserved, length) set to ~2 GiB.
        byte[] copy = original.clone();
        int at = indexOf(copy, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0});
        assertThat(at).isPositive();
        copy[at + 8] = (byte) 0xF0;
        copy[at + 9] = (byte) 0xFF;
        copy[at + 10] = (byte) 0xFF;
        copy[at + 11] = 0x7F;
        Path file = dir.resolve("huge-length.dcm");
        Files.write(file, copy);
        assertThat(readWithin(file)).isInstanceOf(DicomFormatException.class);
    }

    @Test
    void undefinedLengthOnATextElementIsRefused() throws Exception {
        // (0010,0020) LO is a 16-bit length VR: make it UT-like with undefined length.
        byte[] copy = original.clone();
        int at = indexOf(copy, new byte[] {0x10, 0x00, 0x20, 0x00, 'L', 'O'});
        assertThat(at).isPositive();
        copy[at + 4] = 'U';
        copy[at + 5] = 'T';
        byte[] withUndefined = new byte[copy.length + 4];
        System.arraycopy(copy, 0, withUndefined, 0, at + 6);
        withUndefined[at + 6] = 0;
        withUndefined[at + 7] = 0;
        Arrays.fill(withUndefined, at + 8, at + 12, (byte) 0xFF);
        System.arraycopy(copy, at + 8, withUndefined, at + 12, copy.length - at - 8);
        Path file = dir.resolve("undefined-text.dcm");
        Files.write(file, withUndefined);
        assertThat(readWithin(file)).isInstanceOf(DicomFormatException.class);
    }

    @Test
    void sequencesNestedTenThousandDeepAreRefusedWithoutStackOverflow() throws Exception {
        // A bare Explicit VR LE data set: (0040,A730) SQ, undefined length, one item, nested.
        int depth = 10_000;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {0x08, 0x00, 0x16, 0x00, 'U', 'I', 4, 0, '1', '.', '2', 0});
        byte[] open = {0x40, 0x00, 0x30, (byte) 0xA7, 'S', 'Q', 0, 0, -1, -1, -1, -1,
                (byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, -1, -1, -1, -1};
        byte[] close = {(byte) 0xFE, (byte) 0xFF, 0x0D, (byte) 0xE0, 0, 0, 0, 0,
                (byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0};
        for (int i = 0; i < depth; i++) {
            out.write(open);
        }
        for (int i = 0; i < depth; i++) {
            out.write(close);
        }
        Path file = dir.resolve("deep.dcm");
        Files.write(file, out.toByteArray());
        assertThat(readWithin(file)).isInstanceOf(DicomFormatException.class).hasMessageContaining("nested");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 132; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Throwable readWithin(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> OurCodec.read(file)));
    }
}
