package dev.custodian.dicom.file;

import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.DicomWriterOptions;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes Part 10 files (PS3.10 §7.1): a 128-byte preamble of zeros, "DICM", the File Meta
 * Information in Explicit VR Little Endian with its computed group length (0002,0000), then the
 * data set in the meta's transfer syntax. Stateless.
 */
public final class Part10Writer {
    /** Length of the preamble (PS3.10 §7.1). */
    public static final int PREAMBLE_LENGTH = 128;
    static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);

    private final DicomWriterOptions options;

    public Part10Writer(DicomWriterOptions options) {
        this.options = options;
    }

    public Part10Writer() {
        this(DicomWriterOptions.DEFAULT);
    }

    /**
     * Writes a whole file. The data set must not contain group 0002 (it is written from {@code meta}).
     *
     * @throws IllegalArgumentException if the meta's transfer syntax is unknown or the data set holds group 0002
     */
    public void write(OutputStream out, FileMetaInformation meta, DataSet dataSet) throws IOException {
        TransferSyntax ts = TransferSyntax.of(meta.transferSyntaxUid());
        dataSet.elements().stream().filter(e -> e.tag() >>> 16 == 0x0002).findFirst().ifPresent(e -> {
            throw new IllegalArgumentException("the data set holds File Meta Information element " + e
                    + "; group 0002 is written from FileMetaInformation only");
        });
        writeHeader(out, meta);
        new DicomWriter(out, ts, options).writeDataSet(dataSet);
        out.flush();
    }

    /** Writes the preamble, "DICM" and the File Meta Information; the data set bytes must follow. */
    public static void writeHeader(OutputStream out, FileMetaInformation meta) throws IOException {
        out.write(new byte[PREAMBLE_LENGTH]);
        out.write(DICM);
        out.write(encodeMeta(meta));
    }

    /** The File Meta Information elements, (0002,0000) first, in Explicit VR Little Endian. */
    public static byte[] encodeMeta(FileMetaInformation meta) throws IOException {
        byte[] body = DicomWriter.toBytes(meta.toDataSet(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 12);
        // (0002,0000) UL, length 4, value: the byte count of the elements that follow (PS3.10 §7.1)
        all.write(new byte[] {2, 0, 0, 0, 'U', 'L', 4, 0,
            (byte) body.length, (byte) (body.length >>> 8), (byte) (body.length >>> 16), (byte) (body.length >>> 24)});
        all.write(body);
        return all.toByteArray();
    }
}
