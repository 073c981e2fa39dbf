package dev.custodian.dicom.file;

import dev.custodian.dicom.codec.DicomReader;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads DICOM files (PS3.10 §7.1): preamble + "DICM" + File Meta Information + data set; also
 * "DICM" without preamble, meta without preamble, and a raw data set without any of them, whose
 * encoding is detected from its first element: Explicit VR when bytes 4-5 are a VR, Big Endian
 * when the group number only makes sense byte-swapped, else Implicit VR Little Endian.
 * Tolerated: meta without (0002,0010) (the encoding is then detected the same way) and a data set
 * labelled Explicit VR Little Endian whose first element is evidently Implicit VR.
 */
public final class Part10Reader {
    private static final int PREFIX = Part10Writer.PREAMBLE_LENGTH + 4;

    private final DicomReaderOptions options;

    public Part10Reader(DicomReaderOptions options) {
        this.options = options;
    }

    public Part10Reader() {
        this(DicomReaderOptions.DEFAULT);
    }

    /** Reads the whole file (or up to the options' stop condition). */
    public DicomFile read(InputStream in) throws IOException {
        Part10Header h = readHeader(in);
        DataSet ds = new DicomReader(h.dataSet(), h.transferSyntax(), options, h.dataSetOffset(), -1).readDataSet();
        return new DicomFile(h.fileMeta(), h.transferSyntax(), ds);
    }

    /** Reads a file; its size bounds every length field. */
    public DicomFile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Part10Header h = readHeader(in);
            DataSet ds = new DicomReader(h.dataSet(), h.transferSyntax(), options, h.dataSetOffset(), Files.size(file))
                    .readDataSet();
            return new DicomFile(h.fileMeta(), h.transferSyntax(), ds);
        }
    }

    /** Reads up to the data set and returns the stream positioned there, for a streaming consumer. */
    public Part10Header readHeader(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, PREFIX);
        byte[] head = new byte[PREFIX];
        int n = in.readNBytes(head, 0, PREFIX);
        if (n == PREFIX && isDicm(head, Part10Writer.PREAMBLE_LENGTH)) {
            return withMeta(in, PREFIX, true);
        }
        if (n >= 4 && isDicm(head, 0)) {
            in.unread(head, 4, n - 4);
            return withMeta(in, 4, false);
        }
        in.unread(head, 0, n);
        if (n >= 8 && (head[0] & 0xFF) == 0x02 && head[1] == 0) {
            return withMeta(in, 0, false);
        }
        if (n < 8) {
            throw new DicomFormatException("not DICOM: only " + n + " bytes", 0, -1);
        }
        return new Part10Header(false, new DataSet(), detect(head), 0, in);
    }

    private Part10Header withMeta(PushbackInputStream in, long start, boolean preamble) throws IOException {
        FileMetaReader meta = new FileMetaReader(in, start);
        DataSet fileMeta = meta.read();
        if (fileMeta.isEmpty()) {
            throw new DicomFormatException("no File Meta Information (group 0002) after the DICM prefix", start, -1);
        }
        byte[] head = new byte[8];
        int n = in.readNBytes(head, 0, 8);
        in.unread(head, 0, n);
        Optional<String> uid = fileMeta.getString(Tag.TransferSyntaxUID);
        TransferSyntax ts;
        if (uid.isEmpty()) {
            // tolerated: without (0002,0010) the data set's own first element tells its encoding
            ts = n == 8 ? detect(head) : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        } else {
            ts = TransferSyntax.lookup(uid.get()).orElseThrow(() -> new DicomFormatException(
                    "unknown transfer syntax '" + uid.get() + "'", meta.position(), Tag.TransferSyntaxUID));
        }
        if (ts.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN) && n == 8
                && detect(head).equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            // tolerated: writers that label an Implicit VR data set Explicit VR Little Endian
            ts = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        return new Part10Header(preamble, fileMeta, ts, meta.position(), in);
    }

    private static boolean isDicm(byte[] b, int off) {
        return Arrays.equals(b, off, off + 4, Part10Writer.DICM, 0, 4);
    }

    /** Guesses the syntax of a raw data set from its first element header. */
    static TransferSyntax detect(byte[] head) {
        boolean vrLetters = Character.isUpperCase(head[4]) && Character.isUpperCase(head[5])
                && VR.ofCode(((head[4] & 0xFF) << 8) | (head[5] & 0xFF)) != null;
        int groupLe = (head[0] & 0xFF) | ((head[1] & 0xFF) << 8);
        int groupBe = ((head[0] & 0xFF) << 8) | (head[1] & 0xFF);
        if (vrLetters) {
            return groupLe > 0xFF && groupBe <= 0xFF ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN
                    : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    }
}
