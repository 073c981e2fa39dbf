package dev.custodian.net.service;

import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.NEventReportRq;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives N-EVENT-REPORT requests for one SOP class (PS3.7 §10.1.1), e.g. the Storage
 * Commitment result sent to the SCU (PS3.4 §J.3.3, Event Type ID 1 or 2), on an association
 * we accepted or on one we requested.
 */
@FunctionalInterface
public interface NEventReportHandler {
    /**
     * @param eventInformation the Event Information data set bytes in
     *                         {@link RequestContext#transferSyntax()}, empty when none was sent
     * @return {@link Status#SUCCESS} or a warning status
     * @throws DimseFailure for a failure status (0113 no such event type, 0110 processing failure ...)
     */
    Status eventReport(RequestContext context, NEventReportRq request, InputStream eventInformation)
            throws DimseFailure, IOException;
}
