package dev.custodian.interop.support;

import dev.custodian.dicom.dict.Uid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Test instances made by real tools at run time: Secondary Capture images written by DCMTK's
 * dump2dcm, converted by dcmconv, and CT images of a given size by the benchmark generator
 * (python3 with pydicom).
 */
public final class TestInstances {
    public static final String SECONDARY_CAPTURE = Uid.SecondaryCaptureImageStorage;

    private TestInstances() {
    }

    /**
     * Writes {@code count} Secondary Capture instances, Explicit VR Little Endian, of
     * {@code rows}x{@code rows} seeded random 16-bit pixels into {@code dir}, named
     * {@code <prefix>-<n>.dcm}, all in one study and series of patient {@code prefix}; returns their paths.
     */
    public static List<Path> secondaryCapture(Path dir, String prefix, int count, int rows, long seed)
            throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        String root = "1.2.826.0.1.3680043.10.1137." + Math.abs(seed) + "." + Math.floorMod(prefix.hashCode(), 1000)
                + ".";
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            byte[] pixels = new byte[rows * rows * 2];
            random.nextBytes(pixels);
            Path raw = dir.resolve(prefix + "-" + i + ".raw");
            Files.write(raw, pixels);
            Path dump = dir.resolve(prefix + "-" + i + ".dump");
            Files.writeString(dump, String.join("\n",
                    "(0002,0010) UI =LittleEndianExplicit",
                    "(0008,0016) UI =SecondaryCaptureImageStorage",
                    "(0008,0018) UI [" + root + i + ".3]",
                    "(0008,0020) DA [20260101]",
                    "(0008,0060) CS [OT]",
                    "(0008,0064) CS [WSD]",
                    "(0010,0010) PN [Interop^" + prefix + "]",
                    "(0010,0020) LO [" + prefix + "]",
                    "(0020,000d) UI [" + root + "1]",
                    "(0020,000e) UI [" + root + "2]",
                    "(0020,0013) IS [" + i + "]",
                    "(0028,0002) US 1",
                    "(0028,0004) CS [MONOCHROME2]",
                    "(0028,0010) US " + rows,
                    "(0028,0011) US " + rows,
                    "(0028,0100) US 16",
                    "(0028,0101) US 16",
                    "(0028,0102) US 15",
                    "(0028,0103) US 0",
                    "(7fe0,0010) OW =" + raw.toAbsolutePath(),
                    ""));
            Path dcm = dir.resolve(prefix + "-" + i + ".dcm");
            Tools.run("dump2dcm", dump.toString(), dcm.toString()).requireSuccess("dump2dcm");
            Files.delete(raw);
            Files.delete(dump);
            files.add(dcm);
        }
        return files;
    }

    /** Each file rewritten by dcmconv with {@code option} (+ti, +te, +tb, +td) into {@code dir}, same names. */
    public static List<Path> convert(List<Path> files, Path dir, String option) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            Path target = dir.resolve(f.getFileName());
            Tools.run("dcmconv", option, f.toString(), target.toString()).requireSuccess("dcmconv");
            out.add(target);
        }
        return out;
    }

    /** {@code count} CT instances of about {@code sizeMb} each in {@code dir}, by bench/scripts/make-instances.py. */
    public static List<Path> ct(Path dir, int count, double sizeMb) throws IOException {
        Tools.run("/usr/bin/python3", Tools.ROOT.resolve("bench/scripts/make-instances.py").toString(), dir.toString(),
                Integer.toString(count), Double.toString(sizeMb)).requireSuccess("make-instances.py");
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
