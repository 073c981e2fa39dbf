package dev.custodian.net.ul;

import java.util.List;
import java.util.Optional;

/**
 * Which one of the transfer syntaxes proposed in a presentation context the acceptor takes. PS3.8
 * §9.3.3.2 lets the acceptor answer with any one of those proposed (PS3.8 §9.3.2.2 lists them, one
 * or more per context); the choice decides the encoding the data sets travel in, and so, for an
 * archive that stores what it receives, the encoding it keeps.
 */
public enum TransferSyntaxSelection {
    /**
     * The first syntax in the requestor's order that we support. A requestor lists its syntaxes by
     * preference (its own file's encoding first, as DCMTK's dcmsend and storescu do), so it sends
     * its data sets as they are, without transcoding.
     */
    PROPOSER_ORDER,
    /** The first of our syntaxes, in our preference order, that the requestor proposed. */
    ACCEPTOR_ORDER;

    /**
     * The syntax to accept: one in both {@code ours} (most preferred first) and {@code proposed}
     * (the requestor's order), or empty when they share none (transfer-syntaxes-not-supported).
     */
    public Optional<String> choose(List<String> ours, List<String> proposed) {
        List<String> first = this == PROPOSER_ORDER ? proposed : ours;
        List<String> second = this == PROPOSER_ORDER ? ours : proposed;
        return first.stream().filter(second::contains).findFirst();
    }
}
