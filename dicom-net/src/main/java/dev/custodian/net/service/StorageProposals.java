package dev.custodian.net.service;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.ul.AssociationProposal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Presentation contexts to propose for sending Part 10 files (PS3.8 §9.3.2.2): for each SOP
 * class, one context per transfer syntax its files have, so that each can be sent as it is, plus
 * one offering Explicit and Implicit VR Little Endian when some of its files are uncompressed, so
 * that {@link DicomConnection#store(Path)} can transcode when the peer refuses the files' syntax.
 *
 * <p>The pure forms work on SOP class → transfer syntaxes maps the caller has already read (the
 * server's SCU from its index, the command-line tools from the files' headers): each syntax, then
 * one context of Explicit and Implicit VR Little Endian per SOP class; and instances grouped by SOP
 * class into batches that each fit in one association.
 */
public final class StorageProposals {
    /** PS3.8 §9.3.2.2: presentation context IDs are odd numbers 1..255. */
    public static final int MAX_CONTEXTS = 128;

    private StorageProposals() {
    }

    /**
     * Adds the contexts for {@code files} to {@code proposal}.
     *
     * @throws IOException              a file is not Part 10 with File Meta Information
     * @throws IllegalArgumentException more than {@value #MAX_CONTEXTS} contexts would be needed
     */
    public static AssociationProposal.Builder addContexts(AssociationProposal.Builder proposal,
                                                          Collection<Path> files) throws IOException {
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        Map<String, Boolean> uncompressed = new LinkedHashMap<>();
        for (Path f : files) {
            Part10Source src = Part10Source.open(f);
            syntaxes.computeIfAbsent(src.sopClassUid(), k -> new LinkedHashSet<>()).add(src.transferSyntax().uid());
            uncompressed.merge(src.sopClassUid(), src.transcodable(), Boolean::logicalOr);
        }
        int count = 0;
        for (Map.Entry<String, Set<String>> e : syntaxes.entrySet()) {
            count += e.getValue().size() + (uncompressed.get(e.getKey()) ? 1 : 0);
        }
        if (count > MAX_CONTEXTS) {
            throw new IllegalArgumentException(count + " presentation contexts needed for " + syntaxes.size()
                    + " SOP classes; at most " + MAX_CONTEXTS + " fit in one association");
        }
        syntaxes.forEach((sopClass, tss) -> {
            tss.forEach(ts -> proposal.context(sopClass, ts));
            if (uncompressed.get(sopClass)) {
                proposal.context(sopClass, Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian);
            }
        });
        return proposal;
    }

    /** Per SOP class (in order of appearance), the transfer syntaxes of {@code items}. */
    public static <T> Map<String, Set<String>> syntaxesBySopClass(Collection<T> items, Function<T, String> sopClass,
                                                                  Function<T, String> transferSyntax) {
        Map<String, Set<String>> bySop = new LinkedHashMap<>();
        for (T item : items) {
            bySop.computeIfAbsent(sopClass.apply(item), k -> new LinkedHashSet<>()).add(transferSyntax.apply(item));
        }
        return bySop;
    }

    /** How many contexts {@link #addContexts(AssociationProposal.Builder, Map)} adds: per SOP class, its syntaxes + 1. */
    public static int contexts(Map<String, Set<String>> syntaxes) {
        return syntaxes.values().stream().mapToInt(ts -> ts.size() + 1).sum();
    }

    /**
     * Adds, per SOP class of {@code syntaxes}, one context per transfer syntax, then one offering
     * Explicit and Implicit VR Little Endian (the fallback of {@link DicomConnection#store(Path)}).
     */
    public static AssociationProposal.Builder addContexts(AssociationProposal.Builder proposal,
                                                          Map<String, Set<String>> syntaxes) {
        syntaxes.forEach((sopClass, ts) -> {
            ts.forEach(t -> proposal.context(sopClass, t));
            proposal.context(sopClass, Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian);
        });
        return proposal;
    }

    /**
     * Groups {@code items} by SOP class (in order of appearance) so that each group needs at most
     * {@value #MAX_CONTEXTS} contexts; a SOP class needing more is a group of its own.
     */
    public static <T> List<List<T>> batches(List<T> items, Function<T, String> sopClass,
                                            Function<T, String> transferSyntax) {
        Map<String, List<T>> bySop = new LinkedHashMap<>();
        for (T item : items) {
            bySop.computeIfAbsent(sopClass.apply(item), k -> new ArrayList<>()).add(item);
        }
        Map<String, Set<String>> ts = syntaxesBySopClass(items, sopClass, transferSyntax);
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int contexts = 0;
        for (var e : bySop.entrySet()) {
            int need = Math.min(ts.get(e.getKey()).size() + 1, MAX_CONTEXTS);
            if (contexts + need > MAX_CONTEXTS && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
                contexts = 0;
            }
            current.addAll(e.getValue());
            contexts += need;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
