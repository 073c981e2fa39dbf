package dev.custodian.interop.dicom;

import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.BinaryValue;
import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.Fragments;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.Sequence;
import dev.custodian.dicom.file.DicomFile;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.dicom.file.Part10Writer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place the conformance tests touch our codec: reads a file with our Part 10 reader,
 * renders the result as {@link DumpElement} trees (the same form the dcmdump oracle produces),
 * and writes a data set back with our Part 10 writer.
 */
final class OurCodec {

    /** Our reading of one file: the transfer syntax, both trees, and the model itself. */
    record OurFile(String transferSyntaxUid, List<DumpElement> meta, List<DumpElement> dataSet, DicomFile file) {
    }

    private OurCodec() {
    }

    static OurFile read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024)) {
            DicomFile file = new Part10Reader().read(in);
            return new OurFile(file.transferSyntax().uid(), render(file.fileMeta()), render(file.dataSet()), file);
        }
    }

    /** Writes {@code ours} with our Part 10 writer, in the transfer syntax {@code tsUid}. */
    static void write(OurFile ours, String tsUid, Path out) throws IOException {
        FileMetaInformation meta = ours.file().meta()
                .orElseThrow(() -> new DicomFormatException("no usable File Meta Information to write back"));
        FileMetaInformation target = new FileMetaInformation(meta.mediaStorageSopClassUid(),
                meta.mediaStorageSopInstanceUid(), TransferSyntax.of(tsUid).uid(),
                FileMetaInformation.IMPLEMENTATION_CLASS_UID, FileMetaInformation.IMPLEMENTATION_VERSION_NAME,
                meta.sourceApplicationEntityTitle());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 64 * 1024)) {
            new Part10Writer().write(os, target, ours.file().dataSet());
        }
    }

    /**
     * The decoded text of the element at {@code path}: a tag, or tag, item index, tag, ...;
     * multiple values joined with '\'. Decoding uses the character set in force there.
     */
    static String decodedString(OurFile ours, int... path) {
        DataSet ds = ours.file().dataSet();
        for (int i = 0; i < path.length - 1; i += 2) {
            int index = path[i + 1];
            ds = ds.getItem(path[i], index).orElseThrow(() -> new AssertionError("no item " + index));
        }
        return String.join("\\", ds.getStrings(path[path.length - 1]));
    }

    static List<DumpElement> render(DataSet ds) {
        List<DumpElement> out = new ArrayList<>();
        for (DataElement e : ds.elements()) {
            out.add(render(e));
        }
        return out;
    }

    private static DumpElement render(DataElement e) {
        String vr = e.vr().name();
        if (e.value() instanceof Sequence seq) {
            List<List<DumpElement>> items = new ArrayList<>();
            for (DataSet item : seq.items()) {
                items.add(render(item));
            }
            return new DumpElement(e.tag(), vr, "", items, null);
        }
        if (e.value() instanceof Fragments fragments) {
            List<String> rendered = new ArrayList<>();
            rendered.add(hex(fragments.offsetTable()));
            for (BinaryValue fragment : fragments.fragments()) {
                rendered.add(hex(inline(e, fragment).bytes()));
            }
            return new DumpElement(e.tag(), vr, "", null, rendered);
        }
        // In memory, byte-order sensitive values are little endian whatever the syntax.
        return DumpElement.of(e.tag(), vr, DumpValues.render(vr, inline(e, (BinaryValue) e.value()).bytes(),
                ByteOrder.LITTLE_ENDIAN, StandardCharsets.ISO_8859_1));
    }

    private static InlineBytes inline(DataElement e, BinaryValue value) {
        if (value instanceof InlineBytes bytes) {
            return bytes;
        }
        throw new AssertionError("value of " + e + " was not read into memory: " + value);
    }

    private static String hex(byte[] bytes) {
        return DumpValues.render("OB", bytes, ByteOrder.LITTLE_ENDIAN, StandardCharsets.ISO_8859_1);
    }
}
