package dev.custodian.server.dicom;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Header;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.AssociationProposal;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.server.config.RemoteModality;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Resource;
import dev.custodian.server.index.ResourceLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * SCU operations towards a configured modality (PS3.4 Annexes A and B as SCU), behind the REST
 * routes {@code /modalities/{id}/echo} and {@code /store}. Our calling AE is the modality's
 * {@code LocalAet} or {@code DicomAet}; every step (connect, associate, each response) waits at
 * most the modality's {@code Timeout} or else {@code DicomScuTimeout} (0 = one hour).
 */
public final class ModalityScu {
    /** Presentation context IDs are odd numbers 1..255 (PS3.8 §9.3.2.2). */
    private static final int MAX_CONTEXTS = 128;

    private final String dicomAet;
    private final int scuTimeoutSeconds;
    private final int maxPdu;
    private final Archive archive;
    private final DicomThreads threads;

    public ModalityScu(String dicomAet, int scuTimeoutSeconds, int maxPdu, Archive archive, DicomThreads threads) {
        this.dicomAet = dicomAet;
        this.scuTimeoutSeconds = scuTimeoutSeconds;
        this.maxPdu = maxPdu;
        this.archive = archive;
        this.threads = threads;
    }

    /** The calling AE title used towards {@code m}. */
    public String localAet(RemoteModality m) {
        return m.localAet() != null ? m.localAet() : dicomAet;
    }

    /** C-ECHO (PS3.4 §A.4): succeeds only on a Success response. */
    public void echo(RemoteModality m) throws ScuException {
        Duration timeout = timeout(m);
        AssociationProposal proposal = client(m, timeout).propose(m.aet())
                .context(Uid.Verification, Uid.ImplicitVRLittleEndian).build();
        DicomConnection c = connect(m, timeout, proposal);
        try {
            var rsp = await(c.echo(), timeout, "C-ECHO");
            if (!rsp.status().isSuccess()) {
                throw new ScuException("C-ECHO to " + m.aet() + " answered " + rsp.status());
            }
        } finally {
            releaseQuietly(c);
        }
    }

    /**
     * C-STORE of the instances {@code instanceIds}, one association per group of SOP classes that
     * fits in 128 presentation contexts. With {@code permissive}, failures are counted and the rest
     * is sent; otherwise the first failure ends the operation with an exception.
     */
    public StoreOutcome store(RemoteModality m, List<String> instanceIds, boolean permissive) throws ScuException {
        Duration timeout = timeout(m);
        List<Outgoing> files = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Path> temporary = new ArrayList<>();
        try {
            for (String id : instanceIds) {
                files.add(outgoing(id, temporary));
            }
            for (List<Outgoing> batch : batches(files)) {
                send(m, timeout, batch, permissive, failures);
            }
        } catch (IOException e) {
            throw new ScuException("cannot read a stored instance: " + e.getMessage(), e);
        } finally {
            temporary.forEach(ModalityScu::deleteQuietly);
        }
        return new StoreOutcome(localAet(m), m.aet(), instanceIds.size(), failures);
    }

    /** Every instance under the resource {@code id} (of any level), or empty when it does not exist. */
    public Optional<List<String>> instancesUnder(String id) {
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

    private void send(RemoteModality m, Duration timeout, List<Outgoing> batch, boolean permissive,
                      List<String> failures) throws ScuException {
        Map<String, Set<String>> syntaxes = syntaxesBySopClass(batch);
        AssociationProposal.Builder proposal = client(m, timeout).propose(m.aet());
        syntaxes.forEach((sopClass, ts) -> {
            ts.forEach(t -> proposal.context(sopClass, t));
            proposal.context(sopClass, Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian);
        });
        DicomConnection c = connect(m, timeout, proposal.build());
        try {
            for (Outgoing f : batch) {
                String failure = storeOne(c, f, timeout);
                if (failure != null) {
                    failures.add(failure);
                    if (!permissive) {
                        throw new ScuException(failure);
                    }
                }
            }
        } finally {
            releaseQuietly(c);
        }
    }

    private static String storeOne(DicomConnection c, Outgoing f, Duration timeout) {
        try {
            CStoreRsp rsp = await(c.store(f.path()), timeout, "C-STORE");
            return rsp.status().isFailure()
                    ? "C-STORE of instance " + f.instanceId() + " answered " + rsp.status() : null;
        } catch (ScuException e) {
            return "C-STORE of instance " + f.instanceId() + " failed: " + e.getMessage();
        }
    }

    private static Map<String, Set<String>> syntaxesBySopClass(List<Outgoing> batch) {
        Map<String, Set<String>> bySop = new LinkedHashMap<>();
        for (Outgoing f : batch) {
            bySop.computeIfAbsent(f.sopClassUid(), k -> new LinkedHashSet<>()).add(f.transferSyntaxUid());
        }
        return bySop;
    }

    /** Groups so that each association proposes at most 128 contexts (per SOP class: its syntaxes + 1). */
    private static List<List<Outgoing>> batches(List<Outgoing> files) {
        Map<String, List<Outgoing>> bySop = new LinkedHashMap<>();
        Map<String, Set<String>> ts = new LinkedHashMap<>();
        for (Outgoing f : files) {
            bySop.computeIfAbsent(f.sopClassUid(), k -> new ArrayList<>()).add(f);
            ts.computeIfAbsent(f.sopClassUid(), k -> new LinkedHashSet<>()).add(f.transferSyntaxUid());
        }
        List<List<Outgoing>> out = new ArrayList<>();
        List<Outgoing> current = new ArrayList<>();
        int contexts = 0;
        for (var e : bySop.entrySet()) {
            int need = Math.min(ts.get(e.getKey()).size() + 1, MAX_CONTEXTS);
            if (contexts + need > MAX_CONTEXTS && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
                contexts = 0;
            }
            current.addAll(e.getValue());
            contexts += need;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** An instance to send: its file (a temporary copy when the storage area is not local). */
    private record Outgoing(String instanceId, Path path, String sopClassUid, String transferSyntaxUid) {}

    private Outgoing outgoing(String instanceId, List<Path> temporary) throws IOException, ScuException {
        Resource r = archive.index().find(ResourceLevel.INSTANCE, instanceId)
                .orElseThrow(() -> new ScuException("instance " + instanceId + " disappeared"));
        String uuid = r.file().file().uuid();
        Path path = archive.storage().localPath(uuid).orElse(null);
        if (path == null) {
            path = Files.createTempFile("custodian-scu-", ".dcm");
            temporary.add(path);
            try (InputStream in = archive.storage().open(uuid)) {
                Files.copy(in, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Part10Header header;
        try (InputStream in = Files.newInputStream(path)) {
            header = new Part10Reader().readHeader(in);
        }
        FileMetaInformation meta = header.meta().orElseThrow(() ->
                new ScuException("stored instance " + instanceId + " has no File Meta Information"));
        return new Outgoing(instanceId, path, meta.mediaStorageSopClassUid(), header.transferSyntax().uid());
    }

    private DicomClient client(RemoteModality m, Duration timeout) throws ScuException {
        AssociationSettings d = AssociationSettings.DEFAULT;
        AssociationSettings settings = new AssociationSettings(new PduLimits(maxPdu, d.limits().maxAssociateLength(),
                d.limits().maxItems()), timeout, timeout, d.maxCommandLength(), d.maxSendPduLength(),
                d.implementationClassUid(), d.implementationVersionName());
        try {
            return new DicomClient(localAet(m), RequestorConfig.plain(settings, timeout, timeout), timeout,
                    ServiceRegistry.builder().verification().build(), threads.runtime());
        } catch (IOException e) {
            throw new ScuException("cannot prepare the association to " + m.aet() + ": " + e.getMessage(), e);
        }
    }

    private DicomConnection connect(RemoteModality m, Duration timeout, AssociationProposal proposal)
            throws ScuException {
        try {
            return client(m, timeout).connect(m.host(), m.port(), proposal);
        } catch (IOException e) {
            throw new ScuException("association with " + m.aet() + " at " + m.host() + ":" + m.port()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f, Duration timeout, String what)
            throws ScuException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScuException(what + " interrupted", e);
        } catch (ExecutionException e) {
            throw new ScuException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ScuException(what + " got no response within " + timeout.toSeconds() + " s", e);
        }
    }

    private Duration timeout(RemoteModality m) {
        int seconds = m.timeoutSeconds() > 0 ? m.timeoutSeconds() : scuTimeoutSeconds;
        return seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ofHours(1);
    }

    private static void releaseQuietly(DicomConnection c) {
        try {
            c.release();
        } catch (IOException e) {
            c.abort();
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary copy in the system temp directory; nothing else refers to it
        }
    }
}
