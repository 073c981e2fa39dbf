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
 * {@code custodian stgcmt -c AET@host:port [-b AET[:port]] FILE|DIR...}: the Storage Commitment
 * Push Model SCU (PS3.4 §J.3) for a PACS test or a modality-side script; the invocation of
 * dcm4che's {@code stgcmtscu} works with {@code custodian stgcmt} in its place.
 */
@Command(name = "stgcmt", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
        description = {"Asks a Storage Commitment SCP (PS3.4 Annex J) to commit the instances of the DICOM "
                + "files given (header only: SOP Class / Instance UIDs; folders recursively; files that are not "
                + "DICOM are skipped and counted) and prints the committed and failed ones, with each Failure "
                + "Reason in words.",
            "The report is awaited on the listener opened with -b AET:port (where the SCP must know AET), and "
                + "on the request's association when -b has no port or with --keep-alive.",
            "Example: custodian stgcmt -b STGCMTSCU:11114 -c ORTHANC@localhost:4242 DummyCT.dcm"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every instance committed", "1:some instances failed (or a given file is unreadable)",
            "2:no report before --timeout", "3:peer unreachable, association rejected or aborted, request refused",
            "4:bad command line, -b port unavailable, unusable --tls certificate or key file",
            "5:no DICOM file among the files and folders given"})
public final class StgcmtCommand implements ToolCommand {
    @Option(names = {"-c", "--connect"}, required = true, converter = Converters.Peer.class,
            paramLabel = "AET@host:port", description = "the Storage Commitment SCP, e.g. ORTHANC@localhost:4242")
    RemoteAe peer;

    @Option(names = {"-b", "--bind"}, defaultValue = "STGCMTSCU", converter = Converters.Bind.class,
            paramLabel = "AET[@host][:port]", description = "our AE title and where to listen for the report "
                    + "(default: ${DEFAULT-VALUE}, no listener)")
    BindAddress bind;

    @Option(names = "--keep-alive", description = "keep the request's association open until the report "
            + "(or --timeout), for SCPs that report on it")
    boolean keepAlive;

    @Option(names = "--split", defaultValue = "0", paramLabel = "N",
            description = "at most N instances per N-ACTION, each its own transaction (default: all in one)")
    int split;

    @Option(names = "--uid", converter = Converters.Reference.class, paramLabel = "CLASS:INSTANCE",
            description = "an instance by its SOP Class UID and SOP Instance UID (repeatable; no file needed)")
    List<SopReference> uids = new ArrayList<>();

    @Option(names = "--json", description = "print the result as JSON (Orthanc's field names)")
    boolean json;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "DICOM files, or folders of them")
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
        if (paths.isEmpty() && uids.isEmpty()) {
            err.println("custodian stgcmt: give DICOM files or folders, or --uid CLASS:INSTANCE (custodian stgcmt --help)");
            return ExitCodes.USAGE;
        }
        if (split < 0) {
            err.println("custodian stgcmt: --split must be 0 (all in one) or more");
            return ExitCodes.USAGE;
        }
        ToolTls tls;
        try {
            tls = TlsSetup.load(common, bind.listens(), Clock.systemUTC());
        } catch (ToolSetupException e) {
            err.println("custodian stgcmt: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        DicomInputs inputs = DicomInputs.scan(paths);
        inputs.unreadable().forEach(line -> err.println("custodian stgcmt: " + line));
        Set<SopReference> refs = new LinkedHashSet<>();
        inputs.files().forEach(f -> refs.add(f.reference()));
        refs.addAll(uids);
        if (refs.isEmpty()) {
            err.println("custodian stgcmt: no DICOM file in " + Inputs.describe(paths, inputs));
            return ExitCodes.NO_INPUT;
        }
        if (!json && !paths.isEmpty()) {
            out.println(Inputs.summary(inputs));
        }
        CommitmentOutcome outcome;
        try (ToolRuntime rt = new ToolRuntime(common, tls)) {
            outcome = new CommitmentRun(rt, peer, bind, keepAlive, split, new UuidUidGenerator())
                    .run(List.copyOf(refs));
        } catch (ToolSetupException e) {
            err.println("custodian stgcmt: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (json) {
            ObjectNode root = CommitmentJson.of(outcome);
            Inputs.addTo(root, inputs);
            out.println(Inputs.pretty(root));
        }
        new CommitmentText("stgcmt").print(outcome, json ? Inputs.NOWHERE : out, err);
        return Math.max(outcome.exitCode(), inputs.unreadable().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED);
    }
}
