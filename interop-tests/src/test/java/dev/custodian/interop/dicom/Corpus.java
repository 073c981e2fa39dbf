package dev.custodian.interop.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real-world corpus that Debian's python3-pydicom installs. */
final class Corpus {

    static final Path ROOT = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    static final Path TEST_FILES = ROOT.resolve("test_files");
    static final Path CHARSET_FILES = ROOT.resolve("charset_files");

    private Corpus() {
    }

    /** Every regular file under test_files and charset_files, as paths relative to {@link #ROOT}. */
    static List<String> allFiles() {
        if (!Files.isDirectory(TEST_FILES) || !Files.isDirectory(CHARSET_FILES)) {
            throw new AssertionError("pydicom corpus not found under " + ROOT + " (install python3-pydicom)");
        }
        try (Stream<Path> a = Files.walk(TEST_FILES); Stream<Path> b = Files.walk(CHARSET_FILES)) {
            return Stream.concat(a, b).filter(Files::isRegularFile)
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every {@code .dcm} file of the package (what {@code dpkg -L python3-pydicom | grep '\.dcm$'}
     * lists: test_files, charset_files and the colour palettes), relative to {@link #ROOT}.
     */
    static List<String> dcmFiles() {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".dcm"))
                    .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }
}
