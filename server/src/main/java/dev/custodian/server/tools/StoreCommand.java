package dev.custodian.server.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.dicom.data.UuidUidGenerator;
import dev.custodian.server.tls.ToolTls;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.SopReference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code custodian store -c AET@host:port FILE|DIR... [--stgcmt]}: C-STORE SCU of files and
 * folders (what {@code storescu +sd} does), and with {@code --stgcmt} the Storage Commitment of
 * what was stored, reported as {@code custodian stgcmt} does.
 */
@Command(name = "store", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
        description = {"Sends DICOM files (folders recursively; files that are not DICOM are skipped and counted) "
                + "with C-STORE on one association, each in its own transfer syntax with an uncompressed fallback.",
            "With --stgcmt, then asks the peer to commit the instances it stored and reports as custodian stgcmt.",
            "Example: custodian store -c ORTHANC@localhost:4242 study/ --stgcmt -b STGCMTSCU:11114"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every file sent (and, with --stgcmt, committed)",
            "1:some files failed (C-STORE failure status, unreadable DICOM file) or were not committed",
            "2:no C-STORE response, or with --stgcmt no report, before --timeout",
            "3:peer unreachable, association rejected or aborted, commitment refused",
            "4:bad command line, -b port unavailable, unusable --tls certificate or key file",
            "5:no DICOM file among the files and folders given"})
public final class StoreCommand implements ToolCommand {
    @Option(names = {"-c", "--connect"}, required = true, converter = Converters.Peer.class,
            paramLabel = "AET@host:port", description = "the Storage SCP, e.g. ORTHANC@localhost:4242")
    RemoteAe peer;

    @Option(names = {"-b", "--bind"}, defaultValue = "STORESCU", converter = Converters.Bind.class,
            paramLabel = "AET[@host][:port]", description = "our AE title and, for --stgcmt, where to listen for "
                    + "the report (default: ${DEFAULT-VALUE})")
    BindAddress bind;

    @Option(names = "--stgcmt", description = "after the store, ask for Storage Commitment of the stored instances")
    boolean stgcmt;

    @Option(names = "--keep-alive", description = "with --stgcmt: keep the request's association open until the "
            + "report")
    boolean keepAlive;

    @Option(names = "--split", defaultValue = "0", paramLabel = "N",
            description = "with --stgcmt: at most N instances per N-ACTION (default: all in one)")
    int split;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Option(names = "--no-progress", description = "no progress bar or progress lines")
    boolean noProgress;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "DICOM files, or folders of them")
    List<Path> paths = new ArrayList<>();

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (split < 0) {
            err.println("custodian store: --split must be 0 (all in one) or more");
            return ExitCodes.USAGE;
        }
        ToolTls tls;
        try {
            tls = TlsSetup.load(common, stgcmt && bind.listens(), Clock.systemUTC());
        } catch (ToolSetupException e) {
            err.println("custodian store: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        DicomInputs inputs = DicomInputs.scan(paths);
        inputs.unreadable().forEach(line -> err.println("custodian store: " + line));
        if (inputs.files().isEmpty()) {
            err.println("custodian store: no DICOM file in " + Inputs.describe(paths, inputs));
            return ExitCodes.NO_INPUT;
        }
        PrintWriter text = json ? Inputs.NOWHERE : out;
        text.println(Inputs.summary(inputs));
        try (ToolRuntime rt = new ToolRuntime(common, tls)) {
            StoreOutcome stored;
            try (Progress progress = Progress.choose(System.console() != null, !json && !noProgress,
                    inputs.files().size(), inputs.bytes(), text, System.err)) {
                stored = new StoreRun(rt, peer, bind.aeTitle(), progress).run(inputs.files());
            }
            StoreReport.print(stored, text, err);
            CommitmentOutcome committed = stgcmt ? commit(rt, stored, err) : null;
            if (committed != null) {
                new CommitmentText("store").print(committed, text, err);
            }
            int code = ExitCodes.worst(List.of(stored.exitCode(), committed == null ? 0 : committed.exitCode(),
                    inputs.unreadable().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED));
            if (json) {
                out.println(Inputs.pretty(json(stored, committed, inputs, code)));
            }
            return code;
        } catch (ToolSetupException e) {
            err.println("custodian store: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private static ObjectNode json(StoreOutcome stored, CommitmentOutcome committed, DicomInputs inputs, int code) {
        ObjectNode root = StoreReport.json(stored);
        Inputs.addTo(root, inputs);
        if (committed != null) {
            root.set("StorageCommitment", CommitmentJson.of(committed));
        }
        root.put("ExitCode", code);
        return root;
    }

    /** Storage Commitment of the instances the peer stored; null when none was. */
    private CommitmentOutcome commit(ToolRuntime rt, StoreOutcome stored, PrintWriter err) throws ToolSetupException {
        Set<SopReference> refs = new LinkedHashSet<>();
        stored.stored().forEach(r -> refs.add(r.file().reference()));
        if (refs.isEmpty()) {
            err.println("custodian store: no instance stored, no Storage Commitment asked");
            return null;
        }
        return new CommitmentRun(rt, peer, bind, keepAlive, split, new UuidUidGenerator()).run(List.copyOf(refs));
    }
}
