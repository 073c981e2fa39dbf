package dev.custodian.dicom.file;

import dev.custodian.dicom.codec.BulkDataSink;
import dev.custodian.dicom.codec.DicomReader;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Ingest helper: turns a data set arriving from the network into a Part 10 file while reading the
 * attributes the index needs. Writes the preamble, "DICM" and the File Meta Information built
 * from the given UIDs and transfer syntax, then copies the data set bytes <b>verbatim</b> (also
 * when deflated) while parsing them: the elements before {@code stopTag} are returned (values
 * longer than {@code maxRetainedValue} as discarded {@link dev.custodian.dicom.data.BulkData}),
 * and with {@code validate} the rest is parsed too, values skipped, so that a malformed data set
 * fails here. Memory is bounded by the buffers and the retained attributes, not the instance size.
 *
 * @param stopTag          first top-level tag not returned (e.g. Pixel Data)
 * @param validate         parse the whole data set, not only up to {@code stopTag}
 * @param maxRetainedValue values longer than this are not kept in the returned data set
 * @param readerOptions    limits for the parse (its stop condition and sink are replaced)
 */
public record Part10StreamWriter(int stopTag, boolean validate, long maxRetainedValue,
                                 DicomReaderOptions readerOptions) {
    /** What the copy produced. */
    public record Result(DataSet attributes, long dataSetLength) {
    }

    public Part10StreamWriter {
        if (maxRetainedValue < 0 || readerOptions == null) {
            throw new IllegalArgumentException("maxRetainedValue >= 0 and readerOptions are required");
        }
    }

    /** Stops at Pixel Data, validates, keeps values up to 64 KiB, default limits. */
    public static Part10StreamWriter defaults() {
        return new Part10StreamWriter(0x7FE00010, true, 1 << 16, DicomReaderOptions.DEFAULT);
    }

    /**
     * Writes the Part 10 file to {@code out} (not closed) from the data set in {@code dataSet}
     * (read to its end) encoded in {@code meta.transferSyntaxUid()}.
     *
     * @throws dev.custodian.dicom.data.DicomFormatException if the data set is malformed; {@code out}
     *         then holds a partial copy that the caller must discard
     * @throws IllegalArgumentException if the transfer syntax is unknown
     */
    public Result write(InputStream dataSet, FileMetaInformation meta, OutputStream out) throws IOException {
        TransferSyntax ts = TransferSyntax.of(meta.transferSyntaxUid());
        byte[] header = Part10Writer.encodeMeta(meta);
        out.write(new byte[Part10Writer.PREAMBLE_LENGTH]);
        out.write(Part10Writer.DICM);
        out.write(header);
        long start = Part10Writer.PREAMBLE_LENGTH + 4L + header.length;
        TeeInputStream tee = new TeeInputStream(dataSet, out);
        DicomReaderOptions opts = readerOptions
                .withStopBefore(DicomReaderOptions.atOrAfter(stopTag))
                .withBulkDataSink(BulkDataSink.discarding(), maxRetainedValue);
        DicomReader reader = new DicomReader(tee, ts, opts, start, -1);
        DataSet attributes = reader.readDataSet();
        if (validate) {
            reader.skipRemaining();
        }
        tee.transferTo(OutputStream.nullOutputStream());
        out.flush();
        return new Result(attributes, tee.count());
    }
}
