package dev.custodian.server.tools;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the terminal (me.tongfei:progressbar): MB with speed and ETA, then files and instances/s. */
final class BarProgress implements Progress {
    private static final long MB = 1_048_576;

    private final ProgressBar bar;
    private final int files;
    private final long bytes;
    private final long start = System.nanoTime();
    private int done;
    private long bytesDone;

    BarProgress(int files, long bytes, PrintStream terminal) {
        this.files = files;
        this.bytes = bytes;
        this.bar = new ProgressBarBuilder().setTaskName("C-STORE").setInitialMax(Math.max(1, bytes))
                .setUnit(" MB", MB).showSpeed().setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
    }

    @Override
    public void sent(DicomInput file, boolean stored) {
        done++;
        bytesDone += file.size();
        bar.stepTo(bytesDone);
        bar.setExtraMessage(" " + new Rates(done, files, bytesDone, bytes, System.nanoTime() - start).counts());
    }

    @Override
    public void close() {
        bar.close();
    }
}
