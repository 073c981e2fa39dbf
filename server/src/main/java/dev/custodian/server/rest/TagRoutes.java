package dev.custodian.server.rest;

import dev.custodian.dicom.codec.BulkDataSink;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.Sequence;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.ElementDictionary;
import dev.custodian.dicom.dict.ElementEntry;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.OrthancIds;
import dev.custodian.server.index.ResourceLevel;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /instances/{id}/tags} (Orthanc's full form: {@code "gggg,eeee": {Name, Type, Value}})
 * and {@code /simplified-tags} ({@code Keyword: value}) of the stored data set, File Meta
 * Information excluded. Values longer than {@link #MAX_SHOWN} characters are shown as
 * {@code TooLong}, binary values (OB, OW, UN...) as {@code Binary}, both with a null value.
 */
final class TagRoutes {
    /** Orthanc's limit for values shown in /tags. */
    static final int MAX_SHOWN = 256;
    private static final long MAX_RETAINED_VALUE = 64 * 1024;

    private final Archive archive;
    private final ElementDictionary dictionary = ElementDictionary.standard();
    private final DicomReaderOptions options =
            DicomReaderOptions.DEFAULT.withBulkDataSink(BulkDataSink.discarding(), MAX_RETAINED_VALUE);

    TagRoutes(Archive archive) {
        this.archive = archive;
    }

    void register(Javalin app) {
        app.get("/instances/{id}/tags", ctx -> ctx.json(ctx.queryParam("simplify") != null
                ? simplified(read(ctx)) : full(read(ctx))));
        app.get("/instances/{id}/simplified-tags", ctx -> ctx.json(simplified(read(ctx))));
    }

    private DataSet read(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Optional<InputStream> file = OrthancIds.isWellFormed(id) ? archive.openInstance(id) : Optional.empty();
        if (file.isEmpty()) {
            throw RestException.unknown(ResourceLevel.INSTANCE.orthancName() + " " + id);
        }
        try (InputStream in = file.get()) {
            return new Part10Reader(options).read(in).dataSet();
        } catch (DicomFormatException e) {
            throw new RestException(OrthancError.BAD_FILE_FORMAT, "stored file of instance " + id + ": " + e.getMessage());
        }
    }

    Map<String, Object> full(DataSet ds) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (DataElement e : sorted(ds)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Name", dictionary.lookup(e.tag()).map(ElementEntry::keyword).orElse("Unknown Tag & Data"));
            if (e.value() instanceof Sequence seq) {
                entry.put("Type", "Sequence");
                List<Object> items = new ArrayList<>();
                seq.items().forEach(item -> items.add(full(item)));
                entry.put("Value", items);
            } else {
                String value = text(ds, e);
                entry.put("Type", value == null ? kind(e) : "String");
                entry.put("Value", value);
            }
            json.put(String.format(Locale.ROOT, "%04x,%04x", e.tag() >>> 16, e.tag() & 0xFFFF), entry);
        }
        return json;
    }

    Map<String, Object> simplified(DataSet ds) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (DataElement e : sorted(ds)) {
            String key = dictionary.keywordOf(e.tag()).filter(k -> !k.isEmpty())
                    .orElse(String.format(Locale.ROOT, "%04x,%04x", e.tag() >>> 16, e.tag() & 0xFFFF));
            if (e.value() instanceof Sequence seq) {
                List<Object> items = new ArrayList<>();
                seq.items().forEach(item -> items.add(simplified(item)));
                json.put(key, items);
            } else {
                json.put(key, text(ds, e));
            }
        }
        return json;
    }

    /** In ascending tag order, as Orthanc lists them (unsigned: private groups above 0x7FFF sort last). */
    private static List<DataElement> sorted(DataSet ds) {
        List<DataElement> elements = new ArrayList<>(ds.elements());
        elements.sort((a, b) -> Integer.compareUnsigned(a.tag(), b.tag()));
        return elements;
    }

    /** The value as Orthanc shows it, or null when it is binary or too long. */
    private static String text(DataSet ds, DataElement e) {
        if (!(e.value() instanceof InlineBytes) || !showable(e.vr())) {
            return null;
        }
        String value = String.join("\\", ds.getStrings(e.tag()));
        return value.length() > MAX_SHOWN ? null : value;
    }

    private static String kind(DataElement e) {
        return e.value() instanceof InlineBytes && showable(e.vr()) ? "TooLong"
                : e.value() instanceof InlineBytes ? "Binary" : "TooLong";
    }

    private static boolean showable(VR vr) {
        return vr.isText() || switch (vr) {
            case US, SS, UL, SL, UV, SV, FL, FD -> true;
            default -> false;
        };
    }
}
