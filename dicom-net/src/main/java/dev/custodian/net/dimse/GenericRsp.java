package dev.custodian.net.dimse;

/**
 * A response to a request this layer has no record for (C-FIND, N-GET, ...): only the fields
 * every response carries (PS3.7 §9.3, §10.3). The dispatcher uses it to refuse such a request
 * with Unrecognized Operation / SOP Class Not Supported; the session uses it to complete a
 * request whose response type it does not model.
 */
public record GenericRsp(int commandField, int messageIdBeingRespondedTo, String affectedSopClassUid,
                         Status status) implements DimseResponse {
    public GenericRsp {
        if (!CommandField.isResponse(commandField) || commandField > 0xFFFF) {
            throw new IllegalArgumentException("Not a response command field: " + CommandField.name(commandField));
        }
        Checks.messageId(messageIdBeingRespondedTo, "Message ID Being Responded To");
        Checks.optionalUid(affectedSopClassUid, "Affected SOP Class UID");
        Checks.status(status);
    }

    @Override
    public boolean hasDataSet() {
        return false;
    }
}
