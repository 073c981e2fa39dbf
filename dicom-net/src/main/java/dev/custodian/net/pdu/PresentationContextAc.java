package dev.custodian.net.pdu;

import java.util.Objects;

/**
 * Presentation context item as answered in an A-ASSOCIATE-AC (item type 21H). PS3.8 §9.3.3.2.
 * The transfer syntax is significant only for {@link PresentationContextResult#ACCEPTANCE}; for a
 * rejected context it may be empty (the standard says it shall be ignored).
 */
public record PresentationContextAc(int id, PresentationContextResult result, String transferSyntax) {

    public PresentationContextAc {
        Names.presentationContextId(id);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(transferSyntax, "transferSyntax");
        if (result == PresentationContextResult.ACCEPTANCE) {
            Names.uid(transferSyntax, "accepted transfer syntax");
        }
    }

    public static PresentationContextAc accepted(int id, String transferSyntax) {
        return new PresentationContextAc(id, PresentationContextResult.ACCEPTANCE, transferSyntax);
    }

    public static PresentationContextAc rejected(int id, PresentationContextResult why) {
        if (why == PresentationContextResult.ACCEPTANCE) {
            throw new IllegalArgumentException("a rejection needs a rejection reason");
        }
        return new PresentationContextAc(id, why, "");
    }

    public boolean isAccepted() {
        return result == PresentationContextResult.ACCEPTANCE;
    }
}
