package dev.custodian.net.dimse;

import java.io.IOException;
import java.io.InputStream;

/**
 * Performs incoming requests. Called on the association's reader thread, one request at a
 * time, with the data set streamed as its fragments arrive ({@code data} is empty when the
 * request has none). Returns the response to send; must not block waiting for a response on
 * the same association.
 */
@FunctionalInterface
public interface RequestHandler {
    DimseResponse handle(RequestContext context, DimseRequest request, InputStream data) throws IOException;
}
