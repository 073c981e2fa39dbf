package dev.custodian.net.service;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.ul.AssociationProposal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Presentation contexts to propose for sending Part 10 files (PS3.8 §9.3.2.2): for each SOP
 * class, one context per transfer syntax its files have, so that each can be sent as it is, plus
 * one offering Explicit and Implicit VR Little Endian when some of its files are uncompressed, so
 * that {@link DicomConnection#store(Path)} can transcode when the peer refuses the files' syntax.
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
}
