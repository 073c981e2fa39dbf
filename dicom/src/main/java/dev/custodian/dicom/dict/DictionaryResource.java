package dev.custodian.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the generated tab-separated dictionary resources (see dicom/tools/gen-dictionary.py). */
final class DictionaryResource {
    private DictionaryResource() {
    }

    /** The non-comment lines of resource {@code name} split on tabs, each with {@code columns} cells. */
    static List<String[]> rows(String name, int columns) {
        try (InputStream in = DictionaryResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("dictionary resource missing from the class path: " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(String.format(
                            "%s line %d: %d columns, expected %d", name, number, cells.length, columns));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary resource " + name, e);
        }
    }
}
