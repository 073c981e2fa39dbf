package dev.custodian.net.dimse;

/**
 * A DIMSE message: a command set (PS3.7 §6.3.1) optionally followed by a data set. The records
 * hold the command elements; the data set travels beside them as a stream.
 */
public sealed interface DimseMessage permits DimseRequest, DimseResponse {
    /** Command Field (0000,0100), see {@link CommandField}. */
    int commandField();

    /** True when Command Data Set Type (0000,0800) announces a data set (any value but 0101H). */
    boolean hasDataSet();
}
