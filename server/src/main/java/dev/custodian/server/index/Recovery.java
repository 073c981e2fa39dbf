package dev.custodian.server.index;

import dev.custodian.dicom.codec.BulkDataSink;
import dev.custodian.dicom.codec.DicomReader;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Header;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.server.store.StorageArea;
import dev.custodian.server.store.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a crash: stored files that no index row refers to. A file is renamed into place only
 * after it was completely written and fsynced, so such a file is a whole Part 10 file (PS3.10
 * §7.1) whose index transaction was lost — the process died before the commit, or, with SQLite's
 * {@code synchronous=NORMAL}, the last commits rolled back at a power loss. Being
 * self-describing, it is indexed again (origin {@code Unknown}, the AE title from its File Meta
 * Information, received at the time of the recovery) rather than deleted; a file that does not
 * parse to its end as DICOM is deleted.
 */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final long MAX_RETAINED_VALUE = 64 * 1024;

    /** How many files were re-indexed, already known (duplicates, removed) and removed as unreadable. */
    public record Result(long reindexed, long duplicates, long removed) {}

    private final Archive archive;

    public Recovery(Archive archive) {
        this.archive = archive;
    }

    /**
     * Re-indexes or removes the unindexed files modified in [{@code after}, {@code before}).
     * Must not run while an ingest on this storage area could be between rename and commit with
     * files in that window (callers run it before accepting, or only on old files).
     */
    public Result run(Instant after, Instant before) throws IOException {
        List<String> candidates = new ArrayList<>();
        StorageArea storage = archive.storage();
        storage.forEachFile(before, uuid -> {
            if (!Thread.currentThread().isInterrupted() && !archive.index().isFileReferenced(uuid)) {
                candidates.add(uuid);
            }
        }, after);
        long reindexed = 0;
        long duplicates = 0;
        long removed = 0;
        for (String uuid : candidates) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            switch (recover(uuid)) {
                case REINDEXED -> reindexed++;
                case DUPLICATE -> duplicates++;
                case REMOVED -> removed++;
            }
        }
        return new Result(reindexed, duplicates, removed);
    }

    private enum Outcome { REINDEXED, DUPLICATE, REMOVED }

    private Outcome recover(String uuid) throws IOException {
        StorageArea storage = archive.storage();
        Parsed parsed;
        StoredFile file;
        try (InputStream in = storage.open(uuid)) {
            parsed = parse(in);
        } catch (DicomFormatException | IllegalArgumentException e) {
            LOG.warn("removing stored file {}: not a complete DICOM file ({})", uuid, e.getMessage());
            storage.delete(uuid);
            return Outcome.REMOVED;
        }
        file = storage.measure(uuid);
        Reception reception = new Reception("Unknown", parsed.sourceAet(), null, null, parsed.modified());
        StoreResult r = archive.index().storeInstance(parsed.attributes(), file, reception, false);
        if (r.status() == StoreResult.Status.ALREADY_STORED) {
            storage.delete(uuid);
            return Outcome.DUPLICATE;
        }
        LOG.info("re-indexed stored file {} as instance {}", uuid, r.instanceId());
        return Outcome.REINDEXED;
    }

    private record Parsed(InstanceAttributes attributes, String sourceAet, Instant modified) {}

    /** The attributes to index, reading the whole file so that a truncated one is refused. */
    private Parsed parse(InputStream in) throws IOException {
        DicomReaderOptions options = DicomReaderOptions.DEFAULT;
        Part10Header header = new Part10Reader(options).readHeader(in);
        FileMetaInformation meta = header.meta().orElseThrow(() ->
                new DicomFormatException("no File Meta Information (PS3.10 §7.1)"));
        DicomReader reader = new DicomReader(header.dataSet(), header.transferSyntax(),
                options.withStopBefore(DicomReaderOptions.atOrAfter(Tag.PixelData))
                        .withBulkDataSink(BulkDataSink.discarding(), MAX_RETAINED_VALUE),
                header.dataSetOffset(), -1);
        DataSet dataSet = reader.readDataSet();
        reader.skipRemaining();
        header.dataSet().transferTo(OutputStream.nullOutputStream());
        return new Parsed(InstanceAttributes.fromDataSet(dataSet, header.transferSyntax().uid()),
                meta.sourceApplicationEntityTitle(), Instant.now());
    }
}
