package dev.custodian.server.dicom;

import dev.custodian.dicom.dict.Uid;
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
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    private final String dicomAet;
    private final int scuTimeoutSeconds;
    private final int maxPdu;
    private final OutgoingFiles source;
    private final DicomThreads threads;

    public ModalityScu(String dicomAet, int scuTimeoutSeconds, int maxPdu, Archive archive, DicomThreads threads) {
        this.dicomAet = dicomAet;
        this.scuTimeoutSeconds = scuTimeoutSeconds;
        this.maxPdu = maxPdu;
        this.source = new OutgoingFiles(archive);
        this.threads = threads;
    }

    /** The calling AE title used towards {@code m}. */
    public String localAet(RemoteModality m) {
        return m.localAet() != null ? m.localAet() : dicomAet;
    }

    /** Every instance under the resource {@code id} (of any level), or empty when it does not exist. */
    public Optional<List<String>> instancesUnder(String id) {
        return source.instancesUnder(id);
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
        return store(m, instanceIds,
                (timeout, files, failures) -> sendInBatches(m, timeout, files, permissive, failures));
    }

    /**
     * C-STORE of {@code instanceIds} on the association {@code held} keeps open between calls (the
     * steps of a store job, PS3.8 §7.1): it is reused while it is open, goes to the same modality
     * and proposed every SOP class / transfer syntax they need; otherwise it is released and a new
     * one proposes theirs plus those of {@code upcoming} (the next instances) that fit in 128
     * contexts. An association that broke (abort, time-out) is dropped, so the next call opens a new
     * one. Failures are reported as by {@link #store(RemoteModality, List, boolean)}.
     */
    public StoreOutcome store(RemoteModality m, List<String> instanceIds, boolean permissive, HeldAssociation held,
                              List<String> upcoming) throws ScuException {
        return store(m, instanceIds, (timeout, files, failures) -> {
            Map<String, Set<String>> needs = ContextPlan.syntaxesBySopClass(files);
            if (ContextPlan.contexts(needs) > ContextPlan.MAX_CONTEXTS) {
                sendInBatches(m, timeout, files, permissive, failures);
                return;
            }
            if (!held.covers(m, needs)) {
                held.close();
                Map<String, Set<String>> proposed = ContextPlan.withUpcoming(needs, upcoming, source::syntaxOf);
                held.hold(m, connect(m, timeout, proposal(m, timeout, proposed)), proposed);
            }
            sendHeld(held, timeout, files, permissive, failures);
        });
    }

    /** How the files of one {@code store} call go out; failures are added to {@code failures}. */
    @FunctionalInterface
    private interface Sending {
        void send(Duration timeout, List<OutgoingInstance> files, List<String> failures) throws ScuException, IOException;
    }

    /** Reads the instances (temporary copies deleted afterwards), sends them, reports the outcome. */
    private StoreOutcome store(RemoteModality m, List<String> instanceIds, Sending sending) throws ScuException {
        List<OutgoingInstance> files = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Path> temporary = new ArrayList<>();
        try {
            for (String id : instanceIds) {
                files.add(source.outgoing(id, temporary));
            }
            sending.send(timeout(m), files, failures);
        } catch (IOException e) {
            throw new ScuException("cannot read a stored instance: " + e.getMessage(), e);
        } finally {
            temporary.forEach(OutgoingFiles::deleteQuietly);
        }
        return new StoreOutcome(localAet(m), m.aet(), instanceIds.size(), failures);
    }

    private void sendInBatches(RemoteModality m, Duration timeout, List<OutgoingInstance> files, boolean permissive,
                               List<String> failures) throws ScuException {
        int stored = 0;
        for (List<OutgoingInstance> batch : ContextPlan.batches(files)) {
            stored += send(m, timeout, batch, permissive, failures, stored);
        }
    }

    private void sendHeld(HeldAssociation held, Duration timeout, List<OutgoingInstance> files, boolean permissive,
                          List<String> failures) throws ScuException {
        boolean faulted = false;
        int stored = 0;
        try {
            for (OutgoingInstance f : files) {
                Sent sent = sendOne(held.connection(), f, timeout);
                faulted |= sent.faulted();
                if (sent.failure() == null) {
                    stored++;
                } else {
                    failures.add(sent.failure());
                    if (!permissive) {
                        throw new ScuException(sent.failure(), stored);
                    }
                }
            }
        } finally {
            if (faulted) {
                held.drop(); // a lost or late response leaves the association in doubt: not reused
            }
        }
    }

    /** Sends {@code batch} on an association of its own; returns how many were stored ({@code before}: by earlier batches). */
    private int send(RemoteModality m, Duration timeout, List<OutgoingInstance> batch, boolean permissive,
                     List<String> failures, int before) throws ScuException {
        DicomConnection c = connect(m, timeout, proposal(m, timeout, ContextPlan.syntaxesBySopClass(batch)));
        int stored = 0;
        try {
            for (OutgoingInstance f : batch) {
                String failure = storeOne(c, f, timeout);
                if (failure == null) {
                    stored++;
                } else {
                    failures.add(failure);
                    if (!permissive) {
                        throw new ScuException(failure, before + stored);
                    }
                }
            }
            return stored;
        } finally {
            releaseQuietly(c);
        }
    }

    /** The contexts {@link ContextPlan} chooses for {@code syntaxes}, proposed to {@code m}. */
    private AssociationProposal proposal(RemoteModality m, Duration timeout, Map<String, Set<String>> syntaxes)
            throws ScuException {
        return ContextPlan.propose(client(m, timeout).propose(m.aet()), syntaxes);
    }

    private static String storeOne(DicomConnection c, OutgoingInstance f, Duration timeout) {
        return sendOne(c, f, timeout).failure();
    }

    /** {@code failure} null on success; {@code faulted} when no valid response came (not a status). */
    private record Sent(String failure, boolean faulted) {}

    private static Sent sendOne(DicomConnection c, OutgoingInstance f, Duration timeout) {
        String what = "C-STORE of instance " + f.instanceId();
        try {
            CStoreRsp rsp = await(c.store(f.path()), timeout, what);
            return new Sent(rsp.status().isFailure() ? what + " answered " + rsp.status() : null, false);
        } catch (ScuException e) {
            return new Sent(e.getMessage(), true);
        }
    }

    private DicomClient client(RemoteModality m, Duration timeout) throws ScuException {
        return client(m, timeout, ServiceRegistry.builder().verification().build());
    }

    /**
     * A client towards {@code m} with its calling AE, PDU limit and {@code timeout} for every step,
     * whose associations also serve {@code incoming} (e.g. the N-EVENT-REPORT a Storage Commitment
     * SCP may send on the N-ACTION's association).
     */
    public DicomClient client(RemoteModality m, Duration timeout, ServiceRegistry incoming) throws ScuException {
        AssociationSettings d = AssociationSettings.DEFAULT;
        AssociationSettings settings = new AssociationSettings(new PduLimits(maxPdu, d.limits().maxAssociateLength(),
                d.limits().maxItems()), timeout, timeout, d.maxCommandLength(), d.maxSendPduLength(),
                d.implementationClassUid(), d.implementationVersionName());
        try {
            return new DicomClient(localAet(m), RequestorConfig.plain(settings, timeout, timeout), timeout,
                    incoming, threads.runtime());
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

    /** The modality's {@code Timeout}, else {@code DicomScuTimeout}, else one hour. */
    public Duration timeout(RemoteModality m) {
        int seconds = m.timeoutSeconds() > 0 ? m.timeoutSeconds() : scuTimeoutSeconds;
        return seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ofHours(1);
    }

    static void releaseQuietly(DicomConnection c) {
        try {
            c.release();
        } catch (IOException e) {
            c.abort();
        }
    }
}
