package dev.custodian.net.ul;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry an acceptor negotiates from: each supported abstract syntax (SOP class) with our
 * transfer syntaxes in preference order, whether a requestor may take the SCP role for it
 * (PS3.7 Annex D.3.3.4; e.g. Storage Commitment 1.2.840.10008.1.20.1 on a report association),
 * and whose order picks the transfer syntax of a context ({@link TransferSyntaxSelection}, by
 * default the requestor's).
 */
public final class SupportedSyntaxes {

    private final Map<String, List<String>> transferSyntaxes;
    private final Set<String> requestorScpAllowed;
    private final TransferSyntaxSelection selection;

    private SupportedSyntaxes(Map<String, List<String>> transferSyntaxes, Set<String> requestorScpAllowed,
                              TransferSyntaxSelection selection) {
        this.transferSyntaxes = Map.copyOf(transferSyntaxes);
        this.requestorScpAllowed = Set.copyOf(requestorScpAllowed);
        this.selection = selection;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Our transfer syntaxes for this abstract syntax, most preferred first; empty if unsupported. */
    public Optional<List<String>> transferSyntaxes(String abstractSyntax) {
        return Optional.ofNullable(transferSyntaxes.get(abstractSyntax));
    }

    public boolean requestorMayBeScp(String abstractSyntax) {
        return requestorScpAllowed.contains(abstractSyntax);
    }

    public Set<String> abstractSyntaxes() {
        return transferSyntaxes.keySet();
    }

    /** Whose order decides which transfer syntax of a presentation context is accepted. */
    public TransferSyntaxSelection selection() {
        return selection;
    }

    public static final class Builder {
        private final Map<String, List<String>> ts = new LinkedHashMap<>();
        private final java.util.HashSet<String> scp = new java.util.HashSet<>();
        private TransferSyntaxSelection selection = TransferSyntaxSelection.PROPOSER_ORDER;

        /** Supports {@code abstractSyntax} with these transfer syntaxes, most preferred first. */
        public Builder add(String abstractSyntax, List<String> transferSyntaxesInPreferenceOrder) {
            if (transferSyntaxesInPreferenceOrder.isEmpty()) {
                throw new IllegalArgumentException("no transfer syntax for " + abstractSyntax);
            }
            ts.put(abstractSyntax, List.copyOf(transferSyntaxesInPreferenceOrder));
            return this;
        }

        public Builder add(String abstractSyntax, String... transferSyntaxesInPreferenceOrder) {
            return add(abstractSyntax, List.of(transferSyntaxesInPreferenceOrder));
        }

        /** Accept a requestor's proposal to act as SCP for this abstract syntax. */
        public Builder allowRequestorScp(String abstractSyntax) {
            scp.add(abstractSyntax);
            return this;
        }

        /** Whose order picks the transfer syntax of a context; {@code PROPOSER_ORDER} unless set. */
        public Builder selection(TransferSyntaxSelection selection) {
            this.selection = java.util.Objects.requireNonNull(selection, "selection");
            return this;
        }

        public SupportedSyntaxes build() {
            return new SupportedSyntaxes(ts, scp, selection);
        }
    }
}
