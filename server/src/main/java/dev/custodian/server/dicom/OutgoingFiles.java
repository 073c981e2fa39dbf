package dev.custodian.server.dicom;

import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Header;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Resource;
import dev.custodian.server.index.ResourceLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The archive as the SCU's source: which instances lie under a resource, the file of each instance
 * to send (a temporary copy when the storage area is not local; the caller deletes it with
 * {@link #deleteQuietly}) and the SOP class / transfer syntax of its Part 10 header (PS3.10 §7.1).
 */
final class OutgoingFiles {
    private final Archive archive;

    OutgoingFiles(Archive archive) {
        this.archive = archive;
    }

    /** Every instance under the resource {@code id} (of any level), or empty when it does not exist. */
    Optional<List<String>> instancesUnder(String id) {
        for (ResourceLevel level : ResourceLevel.values()) {
            Optional<Resource> r = archive.index().find(level, id);
            if (r.isPresent()) {
                List<String> out = new ArrayList<>();
                collect(r.get(), out);
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    private void collect(Resource r, List<String> out) {
        if (r.level() == ResourceLevel.INSTANCE) {
            out.add(r.id());
            return;
        }
        for (String child : r.children()) {
            archive.index().find(r.level().child(), child).ifPresent(c -> collect(c, out));
        }
    }

    /** The instance {@code instanceId} ready to send; a temporary copy made for it is added to {@code temporary}. */
    OutgoingInstance outgoing(String instanceId, List<Path> temporary) throws IOException, ScuException {
        Resource r = archive.index().find(ResourceLevel.INSTANCE, instanceId)
                .orElseThrow(() -> new ScuException("instance " + instanceId + " disappeared"));
        String uuid = r.file().file().uuid();
        Path path = archive.storage().localPath(uuid).orElse(null);
        if (path == null) {
            path = Files.createTempFile("custodian-scu-", ".dcm");
            temporary.add(path);
            try (InputStream in = archive.storage().open(uuid)) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Part10Header header;
        try (InputStream in = Files.newInputStream(path)) {
            header = new Part10Reader().readHeader(in);
        }
        FileMetaInformation meta = header.meta().orElseThrow(() ->
                new ScuException("stored instance " + instanceId + " has no File Meta Information"));
        return new OutgoingInstance(instanceId, path, meta.mediaStorageSopClassUid(), header.transferSyntax().uid());
    }

    /**
     * SOP class and transfer syntax of a stored instance, from its header; empty when unreadable
     * (its C-STORE reports it).
     */
    Optional<ContextPlan.Syntax> syntaxOf(String instanceId) {
        Optional<Resource> r = archive.index().find(ResourceLevel.INSTANCE, instanceId);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = archive.storage().open(r.get().file().file().uuid())) {
            Part10Header header = new Part10Reader().readHeader(in);
            return header.meta().map(meta -> new ContextPlan.Syntax(meta.mediaStorageSopClassUid(),
                    header.transferSyntax().uid()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary copy in the system temp directory; nothing else refers to it
        }
    }
}
