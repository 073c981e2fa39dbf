package dev.custodian.net.dimse;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a data set in whatever transfer syntax the chosen presentation context negotiated:
 * used where the caller builds the data set (N-ACTION Action Information, N-EVENT-REPORT Event
 * Information) and cannot know the syntax before the context is chosen.
 */
@FunctionalInterface
public interface DataSetSource {
    void writeTo(OutputStream out, String transferSyntaxUid) throws IOException;
}
