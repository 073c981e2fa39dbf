package dev.custodian.server.tools;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.dimse.CEchoRq;
import dev.custodian.net.dimse.CEchoRsp;
import dev.custodian.net.dimse.CommandCodec;
import dev.custodian.net.dimse.InvalidCommandException;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.server.tls.ToolTls;
import dev.custodian.stgcmt.RemoteAe;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custodian echo -c AET@host:port}: Verification SCU (PS3.4 Annex A), round-trip time printed. */
@Command(name = "echo", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class, sortOptions = false,
        description = {"Sends C-ECHO (Verification, PS3.4 Annex A) and prints the round-trip time.",
            "Example: custodian echo -c ORTHANC@localhost:4242"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:answered Success", "1:answered with another status",
            "2:no C-ECHO response before --timeout", "3:peer unreachable, association rejected or aborted",
            "4:bad command line, unusable --tls certificate or key file"})
public final class EchoCommand implements ToolCommand {
    @Option(names = {"-c", "--connect"}, required = true, converter = Converters.Peer.class,
            paramLabel = "AET@host:port", description = "the peer to call, e.g. ORTHANC@localhost:4242")
    RemoteAe peer;

    @Option(names = {"-b", "--bind"}, defaultValue = "ECHOSCU", converter = Converters.Bind.class,
            paramLabel = "AET", description = "our (calling) AE title (default: ${DEFAULT-VALUE})")
    BindAddress bind;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
            description = "C-ECHOs to send on the association (default: ${DEFAULT-VALUE})")
    int repeat;

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
        if (repeat < 1) {
            err.println("custodian echo: --repeat must be at least 1");
            return ExitCodes.USAGE;
        }
        ToolTls tls;
        try {
            tls = TlsSetup.load(common, false, Clock.systemUTC());
        } catch (ToolSetupException e) {
            err.println("custodian echo: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        warmUp();
        try (ToolRuntime rt = new ToolRuntime(common, tls)) {
            long start = System.nanoTime();
            DicomConnection c;
            try {
                DicomClient client = rt.client(bind.aeTitle(), ServiceRegistry.builder().build());
                c = client.connect(peer.host(), peer.port(), client.propose(peer.aeTitle())
                        .context(Uid.Verification, Uid.ImplicitVRLittleEndian).build());
            } catch (IOException e) {
                err.println("custodian echo: cannot associate with " + Peers.name(peer) + ": "
                        + rt.connectFailure(e));
                return ExitCodes.REFUSED;
            }
            out.println("Association with " + Peers.name(peer) + " established in " + millis(System.nanoTime() - start));
            int code = ExitCodes.OK;
            for (int i = 0; i < repeat && code == ExitCodes.OK; i++) {
                code = echo(c, rt, out, err);
            }
            Peers.releaseQuietly(c);
            return code;
        }
    }

    private int echo(DicomConnection c, ToolRuntime rt, PrintWriter out, PrintWriter err) {
        long sent = System.nanoTime();
        try {
            CEchoRsp rsp = c.echo().get(rt.timeout().toMillis(), TimeUnit.MILLISECONDS);
            String rtt = millis(System.nanoTime() - sent);
            if (rsp.status().isSuccess()) {
                out.println("C-ECHO " + Peers.name(peer) + ": Success, round trip " + rtt);
                return ExitCodes.OK;
            }
            err.println("custodian echo: " + Peers.name(peer) + " answered " + rsp.status() + " (round trip " + rtt
                    + ")");
            return ExitCodes.FAILED;
        } catch (TimeoutException e) {
            err.println("custodian echo: no C-ECHO response from " + Peers.name(peer) + " within " + rt.timeout());
            return ExitCodes.TIMEOUT;
        } catch (ExecutionException e) {
            err.println("custodian echo: C-ECHO to " + Peers.name(peer) + " failed: " + Failures.describe(e));
            return Failures.exitCode(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.REFUSED;
        }
    }

    /**
     * Encodes and decodes a C-ECHO-RQ and -RSP in memory once, so that the round trips printed
     * measure the network and the peer, not the loading of the DIMSE codec and the dictionary.
     */
    private static void warmUp() {
        try {
            CommandCodec.decode(CommandCodec.encode(new CEchoRq(1, Uid.Verification)));
            CommandCodec.decode(CommandCodec.encode(new CEchoRsp(1, Uid.Verification, Status.SUCCESS)));
        } catch (InvalidCommandException e) {
            throw new IllegalStateException("our own C-ECHO command sets do not decode", e);
        }
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
