package dev.custodian.net.dimse;

/** A DIMSE response message (PS3.7 §9.1, §10.1). */
public sealed interface DimseResponse extends DimseMessage
        permits CEchoRsp, CStoreRsp, NActionRsp, NEventReportRsp, GenericRsp {
    /** Message ID Being Responded To (0000,0120). */
    int messageIdBeingRespondedTo();

    /** Status (0000,0900) with Error Comment and Offending Element. */
    Status status();
}
