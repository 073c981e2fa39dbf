package dev.custodian.net.dimse;

/** An accepted presentation context as DIMSE sees it (PS3.8 §7.1.1.13, §9.3.3.2). */
public record AcceptedContext(int id, String abstractSyntax, String transferSyntax) {
    public AcceptedContext {
        if (id < 1 || id > 255 || (id & 1) == 0) {
            throw new IllegalArgumentException("Presentation context ID must be odd 1..255: " + id);
        }
        Checks.uid(abstractSyntax, "Abstract Syntax");
        Checks.uid(transferSyntax, "Transfer Syntax");
    }
}
