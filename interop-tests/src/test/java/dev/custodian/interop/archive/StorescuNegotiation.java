package dev.custodian.interop.archive;

import dev.custodian.dicom.dict.Uid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The presentation contexts of one association as DCMTK storescu's debug output ({@code -d})
 * lists them: what it proposed in its A-ASSOCIATE-RQ and what the A-ASSOCIATE-AC answered.
 * DCMTK prints syntaxes by name ({@code =LittleEndianExplicit}); the uncompressed ones are mapped
 * to their UIDs.
 */
final class StorescuNegotiation {
    private static final Map<String, String> NAMES = Map.of("=LittleEndianExplicit", Uid.ExplicitVRLittleEndian,
            "=BigEndianExplicit", Uid.ExplicitVRBigEndian, "=LittleEndianImplicit", Uid.ImplicitVRLittleEndian);

    /** One context: its abstract syntax as printed, the proposed syntaxes in order, the accepted one ("" if none). */
    record Context(int id, String abstractSyntax, List<String> proposed, String accepted) {
    }

    private StorescuNegotiation() {
    }

    /** The contexts whose abstract syntax DCMTK prints as {@code abstractSyntaxName}, in proposal order. */
    static List<Context> contexts(String debugOutput, String abstractSyntaxName) {
        Map<Integer, String> abstracts = new LinkedHashMap<>();
        Map<Integer, List<String>> proposed = new LinkedHashMap<>();
        Map<Integer, String> accepted = new LinkedHashMap<>();
        Integer current = null;
        boolean inProposal = false;
        for (String raw : debugOutput.split("\\R")) {
            String line = raw.startsWith("D:") ? raw.substring(2).trim() : raw.trim();
            if (line.startsWith("Context ID:")) {
                current = Integer.valueOf(line.replaceAll("Context ID:\\s*(\\d+).*", "$1"));
                inProposal = line.endsWith("(Proposed)");
                if (inProposal) {
                    proposed.put(current, new ArrayList<>()); // DCMTK may dump the request twice
                }
            } else if (current != null && line.startsWith("Abstract Syntax:")) {
                abstracts.put(current, line.substring("Abstract Syntax:".length()).trim());
            } else if (current != null && inProposal && line.startsWith("=")) {
                proposed.get(current).add(NAMES.getOrDefault(line, line));
            } else if (current != null && line.startsWith("Accepted Transfer Syntax:")) {
                String name = line.substring("Accepted Transfer Syntax:".length()).trim();
                accepted.put(current, NAMES.getOrDefault(name, name));
            } else if (!line.startsWith("Proposed") && !line.startsWith("Accepted")) {
                inProposal = inProposal && line.startsWith("=");
            }
        }
        List<Context> out = new ArrayList<>();
        abstracts.forEach((id, as) -> {
            if (as.equals(abstractSyntaxName)) {
                out.add(new Context(id, as, proposed.getOrDefault(id, List.of()), accepted.getOrDefault(id, "")));
            }
        });
        return out;
    }
}
