package dev.custodian.server.tools;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** Progress as plain lines, for logs and pipes: one line at each tenth of the files. */
final class LineProgress implements Progress {
    private final int files;
    private final long bytes;
    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private final long start;
    private int done;
    private long bytesDone;
    private int lastTenth;

    LineProgress(int files, long bytes, PrintWriter out, LongSupplier nanoTime) {
        this.files = files;
        this.bytes = bytes;
        this.out = out;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    @Override
    public void sent(DicomInput file, boolean stored) {
        done++;
        bytesDone += file.size();
        int tenth = (int) (10L * done / files);
        if (tenth > lastTenth && done < files) {
            lastTenth = tenth;
            out.println("C-STORE " + new Rates(done, files, bytesDone, bytes, nanoTime.getAsLong() - start).line());
            out.flush();
        }
    }

    @Override
    public void close() {
        out.flush();
    }
}
