package dev.custodian.net.pdu;

import java.util.List;

/**
 * Presentation context item as proposed in an A-ASSOCIATE-RQ (item type 20H), with its abstract
 * syntax sub-item (30H) and one or more transfer syntax sub-items (40H). PS3.8 §9.3.2.2.
 */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {

    public PresentationContextRq {
        Names.presentationContextId(id);
        Names.uid(abstractSyntax, "abstract syntax");
        transferSyntaxes = List.copyOf(transferSyntaxes);
        if (transferSyntaxes.isEmpty()) {
            throw new IllegalArgumentException("presentation context " + id + " proposes no transfer syntax");
        }
        transferSyntaxes.forEach(ts -> Names.uid(ts, "transfer syntax"));
    }
}
