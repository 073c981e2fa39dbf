package dev.custodian.bench.commit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

/**
 * {@code CommitBench load HTTP_PORT COUNT MANIFEST [THREADS]} — uploads COUNT new minimal
 * instances to {@code POST /instances} of a Custodian or Orthanc on 127.0.0.1 and appends their
 * "SOPClassUID SOPInstanceUID" lines to MANIFEST.
 *
 * <p>{@code CommitBench commit PORT CALLED_AET OUR_AET OUR_PORT MANIFEST N MISSING_PERCENT REPEATS}
 * — asks the SCP at 127.0.0.1:PORT to commit the first N instances of MANIFEST, MISSING_PERCENT of
 * them replaced by instances it never received, REPEATS times; listens on OUR_PORT as OUR_AET for
 * the report; prints one line: N, missing, the median and each run's seconds from N-ACTION-RQ sent
 * to N-EVENT-REPORT received. An optional tenth argument CAP_SECONDS gives up on a report not received
 * within that many seconds: the line then says "timeout_s CAP" instead of the times (exit status 3).
 */
public final class CommitBench {
    private CommitBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("load")) {
            int threads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
            InstanceLoader.load(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]), threads);
        } else if ((args.length == 9 || args.length == 10) && args[0].equals("commit")) {
            CommitLatency.Run run = new CommitLatency.Run(Integer.parseInt(args[1]), args[2], args[3],
                    Integer.parseInt(args[4]), Path.of(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]),
                    Integer.parseInt(args[8]),
                    args.length == 10 ? Duration.ofSeconds(Long.parseLong(args[9])) : CommitLatency.REPORT_TIMEOUT);
            try {
                System.out.println(CommitLatency.measure(run));
            } catch (TimeoutException e) {
                System.out.println("n " + run.n() + " missing " + run.missingPercent() + "% timeout_s "
                        + run.cap().toSeconds());
                System.exit(3);
            }
        } else {
            System.err.println("usage: CommitBench load HTTP_PORT COUNT MANIFEST [THREADS] | "
                    + "commit PORT CALLED_AET OUR_AET OUR_PORT MANIFEST N MISSING_PERCENT REPEATS [CAP_SECONDS]; got "
                    + Arrays.toString(args));
            System.exit(2);
        }
        System.exit(0);
    }
}
