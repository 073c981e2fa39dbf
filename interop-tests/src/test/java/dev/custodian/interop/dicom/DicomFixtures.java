package dev.custodian.interop.dicom;

import dev.custodian.interop.support.Tools;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * DCMTK-produced test files, generated at run time into a temporary folder: a rich CT-like data
 * set from {@code rich-dataset.dump} (dump2dcm), an encapsulated JPEG Baseline instance from a
 * JPEG made here with ImageIO (img2dcm), and conversions to each uncompressed transfer syntax
 * (dcmconv).
 */
final class DicomFixtures {

    /** Uncompressed transfer syntaxes with the dcmconv option that writes each. */
    enum Syntax {
        IMPLICIT_LE("1.2.840.10008.1.2", "+ti"),
        EXPLICIT_LE("1.2.840.10008.1.2.1", "+te"),
        DEFLATED_LE("1.2.840.10008.1.2.1.99", "+td"),
        EXPLICIT_BE("1.2.840.10008.1.2.2", "+tb");

        final String uid;
        final String dcmconvOption;

        Syntax(String uid, String dcmconvOption) {
            this.uid = uid;
            this.dcmconvOption = dcmconvOption;
        }
    }

    static final int ROWS = 32;
    static final int COLUMNS = 64;

    private DicomFixtures() {
    }

    /** The rich data set written by dump2dcm (Explicit VR Little Endian). */
    static Path richDataSet(Path dir) throws IOException {
        Path pixels = dir.resolve("rich-pixels.raw");
        Files.write(pixels, pixelData());
        String dump;
        try (InputStream in = DicomFixtures.class.getResourceAsStream("/dicom/rich-dataset.dump")) {
            if (in == null) {
                throw new IOException("missing test resource /dicom/rich-dataset.dump");
            }
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        dump = dump.replace("${PIXEL_FILE}", pixels.toString())
                .replace("${PIXEL_BYTES}", Integer.toString(ROWS * COLUMNS * 2));
        Path dumpFile = dir.resolve("rich-dataset.dump");
        // The dump declares ISO_IR 100; dump2dcm copies bytes, so write it in Latin-1.
        Files.write(dumpFile, dump.getBytes(StandardCharsets.ISO_8859_1));
        Path out = dir.resolve("rich-dataset.dcm");
        Tools.runSeparately("dump2dcm", "+te", dumpFile, out).requireSuccess();
        return out;
    }

    /** 16-bit little-endian pixels: a gradient with seeded noise, so every byte value occurs. */
    static byte[] pixelData() {
        ByteBuffer buf = ByteBuffer.allocate(ROWS * COLUMNS * 2).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(42);
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                buf.putShort((short) ((x * 64 + y * 16 + random.nextInt(16)) & 0x0FFF));
            }
        }
        return buf.array();
    }

    /** An encapsulated JPEG Baseline (1.2.840.10008.1.2.4.50) instance made by img2dcm. */
    static Path jpegBaseline(Path dir) throws IOException {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = (x * 5 + y * 3) & 0xFF;
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        Path jpeg = dir.resolve("gradient.jpg");
        if (!ImageIO.write(image, "jpeg", jpeg.toFile())) {
            throw new IOException("no JPEG writer in this JRE");
        }
        Path out = dir.resolve("jpeg-baseline.dcm");
        Tools.runSeparately("img2dcm", "-i", "JPEG", "-k", "PatientName=Jpeg^Test", "-k", "PatientID=JPEG-1",
                jpeg, out).requireSuccess();
        return out;
    }

    /** {@code source} rewritten by dcmconv in {@code syntax}. */
    static Path convert(Path source, Syntax syntax, Path dir) {
        Path out = dir.resolve(strip(source.getFileName().toString()) + "-" + syntax.name().toLowerCase() + ".dcm");
        Tools.runSeparately("dcmconv", syntax.dcmconvOption, source, out).requireSuccess();
        return out;
    }

    private static String strip(String name) {
        return name.endsWith(".dcm") ? name.substring(0, name.length() - 4) : name;
    }
}
