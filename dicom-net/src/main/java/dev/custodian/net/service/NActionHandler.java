package dev.custodian.net.service;

import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.NActionRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * Performs N-ACTION requests for one SOP class (PS3.7 §10.1.4), e.g. the Storage Commitment
 * Push Model SCP's "Request Storage Commitment" (PS3.4 §J.3.2, Action Type ID 1).
 */
@FunctionalInterface
public interface NActionHandler {
    /**
     * @param actionInformation the Action Information data set bytes in
     *                          {@link RequestContext#transferSyntax()}, empty when none was sent
     * @return {@link Status#SUCCESS} or a warning status
     * @throws DimseFailure for a failure status (0112 no such object instance, 0123 no such
     *                      action, 0213 resource limitation ...)
     */
    Status action(RequestContext context, NActionRq request, InputStream actionInformation)
            throws DimseFailure, IOException;
}
