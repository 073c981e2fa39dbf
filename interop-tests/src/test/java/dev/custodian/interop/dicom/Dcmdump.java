package dev.custodian.interop.dicom;

import dev.custodian.interop.support.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** DCMTK's dcmdump as the oracle of these tests, its stdout kept apart from its diagnostics. */
final class Dcmdump {
    private Dcmdump() {
    }

    /**
     * dcmdump of {@code file} with the options of every oracle dump: print long values completely
     * ({@code +L}), no UID names ({@code -Un}), non-ASCII and control characters quoted as XML
     * entities ({@code +Qn}) so that every element is exactly one line and bytes survive
     * unambiguously; then {@code extra}.
     */
    static Tools.Streams run(Path file, String... extra) {
        List<Object> args = new ArrayList<>(List.of("dcmdump", "+L", "-Un", "+Qn"));
        args.addAll(List.of(extra));
        args.add(file);
        return Tools.runSeparately(args.toArray());
    }
}
