package dev.custodian.stgcmt;

/**
 * Receives the Referenced SOP Sequence items of a request as {@link ActionInformationCodec#read(
 * java.io.InputStream, String, ReferenceSink)} decodes them, each valid, in order. The request may
 * still turn out invalid after some have been passed (a later item, a limit, the file-set
 * attributes): only a returned {@link RequestSummary} says they are all there is.
 */
@FunctionalInterface
public interface ReferenceSink {
    /** @param position 0 for the first item, then 1, 2, ... */
    void accept(int position, SopReference reference);
}
