package dev.custodian.net.service;

import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.AcceptedContext;
import dev.custodian.net.dimse.CEchoRq;
import dev.custodian.net.dimse.CEchoRsp;
import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.dimse.DataSetSource;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.NActionRq;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.dimse.NEventReportRq;
import dev.custodian.net.dimse.NEventReportRsp;
import dev.custodian.net.dimse.NoPresentationContextException;
import dev.custodian.net.dimse.Priority;
import dev.custodian.net.ul.DataWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The SCU side of one association (PS3.7 §9.1, §10.1): C-ECHO, C-STORE, N-ACTION and
 * N-EVENT-REPORT requests on an accepted presentation context of the right abstract syntax.
 * Each returns a future of the response, completed when the response with the request's
 * Message ID arrives, or failed after the DIMSE timeout. Requests the peer sends on this
 * association are served by the registry it was opened with. Thread-safe.
 */
public final class DicomConnection implements AutoCloseable {
    private final DimseSession session;

    public DicomConnection(DimseSession session) {
        if (session == null) {
            throw new IllegalArgumentException("session is required");
        }
        this.session = session;
    }

    public DimseSession session() {
        return session;
    }

    /** Verification (PS3.4 Annex A): C-ECHO-RQ on the Verification context. */
    public CompletableFuture<CEchoRsp> echo() {
        return contextFor(Uid.Verification).thenCompose(pc ->
                session.invoke(pc.id(), id -> new CEchoRq(id, Uid.Verification), null, CEchoRsp.class));
    }

    /**
     * C-STORE-RQ of one SOP instance whose data set {@code data} writes in {@code transferSyntax};
     * fails with {@link NoPresentationContextException} when no context of {@code sopClass} was
     * accepted with that transfer syntax.
     */
    public CompletableFuture<CStoreRsp> store(String sopClass, String sopInstance, String transferSyntax,
                                              DataWriter data) {
        return store(sopClass, sopInstance, transferSyntax, Priority.MEDIUM, data);
    }

    /** As {@link #store(String, String, String, DataWriter)} with a priority. */
    public CompletableFuture<CStoreRsp> store(String sopClass, String sopInstance, String transferSyntax,
                                              Priority priority, DataWriter data) {
        AcceptedContext pc = find(sopClass, transferSyntax);
        if (pc == null) {
            return CompletableFuture.failedFuture(new NoPresentationContextException(
                    "No presentation context accepted for " + sopClass + " with " + transferSyntax));
        }
        return session.invoke(pc.id(), id -> new CStoreRq(id, sopClass, sopInstance, priority, null, null),
                data, CStoreRsp.class);
    }

    /**
     * C-STORE-RQ of a Part 10 file: SOP class, instance and transfer syntax from its File Meta
     * Information. The data set is sent as the file holds it on a context accepted with the file's
     * syntax; failing that, when the file is uncompressed and a context of its SOP class was
     * accepted with another uncompressed syntax (Explicit VR LE preferred, then Implicit VR LE),
     * it is transcoded; otherwise the future fails with {@link NoPresentationContextException}.
     */
    public CompletableFuture<CStoreRsp> store(Path file) {
        Part10Source src;
        try {
            src = Part10Source.open(file);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        AcceptedContext pc = find(src.sopClassUid(), src.transferSyntax().uid());
        DataWriter data;
        if (pc != null) {
            data = src.verbatim();
        } else {
            pc = src.transcodable() ? nativeContext(src.sopClassUid()) : null;
            if (pc == null) {
                return CompletableFuture.failedFuture(new NoPresentationContextException("No presentation context "
                        + "accepted for " + src.sopClassUid() + " with " + src.transferSyntax().uid()
                        + (src.transcodable() ? " or another uncompressed transfer syntax" : "")));
            }
            data = src.transcodedTo(TransferSyntax.of(pc.transferSyntax()));
        }
        int contextId = pc.id();
        return session.invoke(contextId, id -> new CStoreRq(id, src.sopClassUid(), src.sopInstanceUid()), data,
                CStoreRsp.class);
    }

    /**
     * N-ACTION-RQ (PS3.7 §10.1.4) on a context of {@code sopClass}; {@code actionInformation}
     * (null for none) is written in that context's transfer syntax.
     */
    public CompletableFuture<NActionRsp> nAction(String sopClass, String sopInstance, int actionTypeId,
                                                 DataSetSource actionInformation) {
        return contextFor(sopClass).thenCompose(pc -> session.invoke(pc.id(),
                id -> new NActionRq(id, sopClass, sopInstance, actionTypeId, actionInformation != null),
                writer(actionInformation, pc), NActionRsp.class));
    }

    /**
     * N-EVENT-REPORT-RQ (PS3.7 §10.1.1) on a context of {@code sopClass}; {@code eventInformation}
     * (null for none) is written in that context's transfer syntax.
     */
    public CompletableFuture<NEventReportRsp> nEventReport(String sopClass, String sopInstance, int eventTypeId,
                                                           DataSetSource eventInformation) {
        return contextFor(sopClass).thenCompose(pc -> session.invoke(pc.id(),
                id -> new NEventReportRq(id, sopClass, sopInstance, eventTypeId, eventInformation != null),
                writer(eventInformation, pc), NEventReportRsp.class));
    }

    /** The first accepted context of {@code abstractSyntax} with {@code transferSyntax}, or null. */
    public AcceptedContext find(String abstractSyntax, String transferSyntax) {
        for (AcceptedContext pc : session.channel().acceptedContexts()) {
            if (pc.abstractSyntax().equals(abstractSyntax)
                    && (transferSyntax == null || pc.transferSyntax().equals(transferSyntax))) {
                return pc;
            }
        }
        return null;
    }

    /**
     * Waits for the outstanding responses (at most the DIMSE timeout), then releases the
     * association (PS3.8 §7.2).
     */
    public void release() throws IOException {
        long timeout = session.dimseTimeout().toMillis();
        try {
            session.idle().get(timeout, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.channel().abort();
            throw new IOException("Interrupted while waiting to release", e);
        } catch (ExecutionException | TimeoutException e) {
            // Outstanding requests failed or stayed unanswered: release anyway, they are lost.
        }
        session.channel().release(timeout);
    }

    /** A-ABORT (PS3.8 §7.3): outstanding requests fail. */
    public void abort() {
        session.channel().abort();
    }

    @Override
    public void close() throws IOException {
        release();
    }

    /** An accepted context of {@code sopClass} with a native syntax, Explicit VR LE first. */
    private AcceptedContext nativeContext(String sopClass) {
        for (String ts : List.of(Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian,
                Uid.DeflatedExplicitVRLittleEndian, Uid.ExplicitVRBigEndian)) {
            AcceptedContext pc = find(sopClass, ts);
            if (pc != null) {
                return pc;
            }
        }
        return null;
    }

    private CompletableFuture<AcceptedContext> contextFor(String abstractSyntax) {
        AcceptedContext pc = find(abstractSyntax, null);
        return pc != null ? CompletableFuture.completedFuture(pc)
                : CompletableFuture.failedFuture(new NoPresentationContextException(
                        "No presentation context accepted for " + abstractSyntax));
    }

    private static DataWriter writer(DataSetSource source, AcceptedContext pc) {
        return source == null ? null : out -> source.writeTo(out, pc.transferSyntax());
    }
}
