package dev.custodian.server.dicom;

import dev.custodian.net.service.StorageProposals;
import dev.custodian.net.ul.AssociationProposal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which presentation contexts (PS3.8 §7.1.1.13) the SCU proposes for the instances it sends: per
 * SOP class, each transfer syntax of its instances, then one context offering Explicit and Implicit
 * VR Little Endian; at most {@value #MAX_CONTEXTS} contexts per association (IDs are the odd numbers
 * 1..255, PS3.8 §9.3.2.2), so more SOP classes are split into batches, each on an association of
 * its own. Pure: SOP class → transfer syntaxes maps in, proposals and batches out. The rules are
 * {@link StorageProposals}' (shared with the command-line tools); this adds the look-ahead of a held
 * association.
 */
final class ContextPlan {
    /** Presentation context IDs are odd numbers 1..255 (PS3.8 §9.3.2.2). */
    static final int MAX_CONTEXTS = StorageProposals.MAX_CONTEXTS;

    /** The SOP class and transfer syntax of one instance. */
    record Syntax(String sopClassUid, String transferSyntaxUid) {}

    private ContextPlan() {
    }

    /** Per SOP class (in order of appearance), the transfer syntaxes of {@code files}. */
    static Map<String, Set<String>> syntaxesBySopClass(List<OutgoingInstance> files) {
        return StorageProposals.syntaxesBySopClass(files, OutgoingInstance::sopClassUid,
                OutgoingInstance::transferSyntaxUid);
    }

    /** How many contexts {@link #propose} makes for {@code syntaxes}: per SOP class, its syntaxes + 1. */
    static int contexts(Map<String, Set<String>> syntaxes) {
        return StorageProposals.contexts(syntaxes);
    }

    /** Adds the contexts for {@code syntaxes} to {@code proposal}: per SOP class, each syntax, then Explicit + Implicit VR LE. */
    static AssociationProposal propose(AssociationProposal.Builder proposal, Map<String, Set<String>> syntaxes) {
        return StorageProposals.addContexts(proposal, syntaxes).build();
    }

    /**
     * {@code needs}, then the SOP classes / syntaxes of {@code upcoming} (as {@code syntaxOf} reads
     * them; unreadable ones are skipped) while they fit in {@value #MAX_CONTEXTS} contexts.
     */
    static Map<String, Set<String>> withUpcoming(Map<String, Set<String>> needs, List<String> upcoming,
                                                 Function<String, Optional<Syntax>> syntaxOf) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        needs.forEach((k, v) -> out.put(k, new LinkedHashSet<>(v)));
        int total = contexts(out);
        for (String id : upcoming) {
            Optional<Syntax> s = syntaxOf.apply(id);
            if (s.isEmpty() || (out.containsKey(s.get().sopClassUid())
                    && out.get(s.get().sopClassUid()).contains(s.get().transferSyntaxUid()))) {
                continue;
            }
            int need = out.containsKey(s.get().sopClassUid()) ? 1 : 2;
            if (total + need <= MAX_CONTEXTS) {
                out.computeIfAbsent(s.get().sopClassUid(), k -> new LinkedHashSet<>()).add(s.get().transferSyntaxUid());
                total += need;
            }
        }
        return out;
    }

    /** Groups {@code files} by SOP class so that each group proposes at most {@value #MAX_CONTEXTS} contexts. */
    static List<List<OutgoingInstance>> batches(List<OutgoingInstance> files) {
        return StorageProposals.batches(files, OutgoingInstance::sopClassUid, OutgoingInstance::transferSyntaxUid);
    }
}
