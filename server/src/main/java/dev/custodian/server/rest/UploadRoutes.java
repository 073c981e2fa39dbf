package dev.custodian.server.rest;

import dev.custodian.dicom.codec.BulkDataSink;
import dev.custodian.dicom.codec.DicomReader;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.Part10Header;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.dicom.file.TeeInputStream;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.InstanceAttributes;
import dev.custodian.server.index.Reception;
import dev.custodian.server.index.StoreResult;
import dev.custodian.server.store.PendingFile;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /instances}: a DICOM Part 10 file as body, stored verbatim. The body streams into
 * the storage area while the attributes up to Pixel Data are parsed; the rest is parsed too
 * (values skipped) so that a truncated or malformed file is refused, never indexed.
 */
final class UploadRoutes {
    /** Values longer than this are not kept while extracting the attributes to index. */
    private static final long MAX_RETAINED_VALUE = 64 * 1024;

    private final Archive archive;
    private final Clock clock;
    private final DicomReaderOptions options = DicomReaderOptions.DEFAULT;

    UploadRoutes(Archive archive, Clock clock) {
        this.archive = archive;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.post("/instances", this::upload);
    }

    private void upload(Context ctx) throws IOException {
        Reception reception = Reception.rest(ctx.ip(), clock.instant());
        StoreResult result;
        try (PendingFile pending = archive.begin(); InputStream body = ctx.bodyInputStream()) {
            InstanceAttributes attributes = parse(new TeeInputStream(body, pending.output()));
            result = archive.commit(pending, attributes, reception);
        } catch (DicomFormatException e) {
            throw new RestException(OrthancError.BAD_FILE_FORMAT, e.getMessage());
        }
        Map<String, Object> json = new TreeMap<>();
        json.put("ID", result.instanceId());
        json.put("ParentSeries", result.seriesId());
        json.put("ParentStudy", result.studyId());
        json.put("ParentPatient", result.patientId());
        json.put("Path", "/instances/" + result.instanceId());
        json.put("Status", result.status().orthancName());
        ctx.json(json);
    }

    /** Reads the whole stream (so that it is all copied) and returns the attributes to index. */
    private InstanceAttributes parse(InputStream in) throws IOException {
        Part10Header header = new Part10Reader(options).readHeader(in);
        if (header.meta().isEmpty()) {
            throw new RestException(OrthancError.BAD_FILE_FORMAT,
                    "not a DICOM Part 10 file: no File Meta Information (PS3.10 §7.1)");
        }
        DicomReader reader = new DicomReader(header.dataSet(), header.transferSyntax(),
                options.withStopBefore(DicomReaderOptions.atOrAfter(Tag.PixelData))
                        .withBulkDataSink(BulkDataSink.discarding(), MAX_RETAINED_VALUE),
                header.dataSetOffset(), -1);
        DataSet dataSet = reader.readDataSet();
        reader.skipRemaining();
        header.dataSet().transferTo(OutputStream.nullOutputStream());
        try {
            return InstanceAttributes.fromDataSet(dataSet, header.transferSyntax().uid());
        } catch (IllegalArgumentException e) {
            throw new RestException(OrthancError.BAD_FILE_FORMAT, e.getMessage());
        }
    }
}
