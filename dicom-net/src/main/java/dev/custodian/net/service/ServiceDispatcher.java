package dev.custodian.net.service;

import dev.custodian.net.dimse.CEchoRq;
import dev.custodian.net.dimse.CEchoRsp;
import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.dimse.CommandField;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.DimseRequest;
import dev.custodian.net.dimse.DimseResponse;
import dev.custodian.net.dimse.NActionRq;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.dimse.NEventReportRq;
import dev.custodian.net.dimse.NEventReportRsp;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.RequestHandler;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.ul.DataSetInterruptedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where service results become responses (PS3.7 §9.1, §10.1): finds the service
 * of the request's SOP class in the {@link ServiceRegistry}, calls it, and answers with its
 * status, the status of the {@link DimseFailure} it threw, 0122 (SOP Class Not Supported) when
 * the SOP class has no service, 0211 (Unrecognized Operation) when it has none for this
 * operation, or 0110 (Processing Failure) when the service broke. One WARN line per failure: a
 * request whose data set was cut short ({@link DataSetInterruptedException}: abort, protocol
 * error, vanished peer) is logged at INFO only, since the upper layer has already warned of why
 * the association ended.
 */
public final class ServiceDispatcher implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceDispatcher.class);

    private final ServiceRegistry registry;

    public ServiceDispatcher(ServiceRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("registry is required");
        }
        this.registry = registry;
    }

    @Override
    public DimseResponse handle(RequestContext ctx, DimseRequest rq, InputStream data) throws IOException {
        Status status;
        try {
            status = perform(ctx, rq, data);
        } catch (DimseFailure f) {
            status = f.status();
            LOG.info("{} {} from {} failed: {}", CommandField.name(rq.commandField()), rq.sopClassUid(),
                    ctx.remoteAet(), status);
        } catch (IOException e) {
            // The data set could not be read or stored: answer, if the association still stands.
            status = Status.PROCESSING_FAILURE.withComment(String.valueOf(e.getMessage()));
            if (DataSetInterruptedException.isCauseOf(e)) {
                // the upper layer has logged why the association ended; no response can go out
                LOG.info("{} {} from {} not completed: {}", CommandField.name(rq.commandField()), rq.sopClassUid(),
                        ctx.remoteAet(), e.getMessage());
            } else {
                LOG.warn("{} {} from {} failed: {}", CommandField.name(rq.commandField()), rq.sopClassUid(),
                        ctx.remoteAet(), e.toString());
            }
        } catch (RuntimeException e) {
            status = Status.PROCESSING_FAILURE.withComment(e.getClass().getSimpleName());
            LOG.error("{} {} from {}: service failed", CommandField.name(rq.commandField()), rq.sopClassUid(),
                    ctx.remoteAet(), e);
        }
        return response(rq, status);
    }

    private Status perform(RequestContext ctx, DimseRequest rq, InputStream data) throws DimseFailure, IOException {
        String sopClass = rq.sopClassUid();
        if (!registry.supports(sopClass)) {
            throw new DimseFailure(Status.SOP_CLASS_NOT_SUPPORTED, "No service for " + sopClass);
        }
        if (!sopClass.equals(ctx.presentationContext().abstractSyntax())) {
            throw new DimseFailure(Status.SOP_CLASS_NOT_SUPPORTED,
                    "SOP Class is not the context's abstract syntax");
        }
        if (rq instanceof CStoreRq s) {
            return service(registry.store(sopClass)).store(ctx, s, data);
        } else if (rq instanceof CEchoRq e) {
            return service(registry.echo(sopClass)).echo(ctx, e);
        } else if (rq instanceof NActionRq a) {
            return service(registry.action(sopClass)).action(ctx, a, data);
        } else if (rq instanceof NEventReportRq n) {
            return service(registry.eventReport(sopClass)).eventReport(ctx, n, data);
        }
        throw new DimseFailure(Status.UNRECOGNIZED_OPERATION);
    }

    private static <S> S service(Optional<S> service) throws DimseFailure {
        return service.orElseThrow(() -> new DimseFailure(Status.UNRECOGNIZED_OPERATION));
    }

    /** The response to {@code rq} with {@code status}, echoing the request's identifying fields. */
    static DimseResponse response(DimseRequest rq, Status status) {
        if (rq instanceof CStoreRq s) {
            return new CStoreRsp(s.messageId(), s.affectedSopClassUid(), s.affectedSopInstanceUid(), status);
        } else if (rq instanceof CEchoRq e) {
            return new CEchoRsp(e.messageId(), e.affectedSopClassUid(), status);
        } else if (rq instanceof NActionRq a) {
            return new NActionRsp(a.messageId(), a.requestedSopClassUid(), a.requestedSopInstanceUid(),
                    null, status, false);
        } else if (rq instanceof NEventReportRq n) {
            return new NEventReportRsp(n.messageId(), n.affectedSopClassUid(), n.affectedSopInstanceUid(),
                    n.eventTypeId(), status, false);
        }
        throw new IllegalArgumentException("No response for " + rq);
    }
}
