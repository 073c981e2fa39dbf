package dev.custodian.net.dimse;

/** A DIMSE request message (PS3.7 §9.1, §10.1). */
public sealed interface DimseRequest extends DimseMessage
        permits CEchoRq, CStoreRq, NActionRq, NEventReportRq {
    /** Message ID (0000,0110). */
    int messageId();

    /** Affected SOP Class UID (0000,0002) or, for N-ACTION, Requested SOP Class UID (0000,0003). */
    String sopClassUid();
}
