package dev.custodian.net.service;

import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * The C-STORE SCP side of the Storage Service Class (PS3.4 Annex B, PS3.7 §9.1.1): receives the
 * request and its data set as a stream of the bytes as they arrive, encoded in
 * {@link RequestContext#transferSyntax()}, never held whole in memory by this layer.
 */
@FunctionalInterface
public interface CStoreService {
    /**
     * Stores one SOP instance. Called on the association's reader thread.
     *
     * @param dataSet the data set bytes (no File Meta Information); whatever the service does not
     *                read is drained by the caller
     * @return {@link Status#SUCCESS} or a warning status (B000, B006, B007)
     * @throws DimseFailure for a failure status (A700 out of resources, A900, C000 ...)
     * @throws IOException  when the data set could not be read (the association failed)
     */
    Status store(RequestContext context, CStoreRq request, InputStream dataSet) throws DimseFailure, IOException;
}
