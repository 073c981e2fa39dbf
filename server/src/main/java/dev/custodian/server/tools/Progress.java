package dev.custodian.server.tools;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Progress of a store over many files: a progress bar on a terminal ({@link BarProgress}), plain
 * lines otherwise ({@link LineProgress}), or nothing.
 */
interface Progress extends AutoCloseable {
    /** Progress that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void sent(DicomInput file, boolean stored) {
        }

        @Override
        public void close() {
        }
    };

    /** Fewer files than this show no progress at all. */
    int MIN_FILES = 10;

    /** One file done, stored or failed. */
    void sent(DicomInput file, boolean stored);

    @Override
    void close();

    /**
     * The progress display for {@code files} files of {@code bytes} bytes in all.
     *
     * @param terminal whether the output is a terminal (the bar goes to {@code terminalErr})
     * @param enabled  false with --no-progress or --json
     */
    static Progress choose(boolean terminal, boolean enabled, int files, long bytes, PrintWriter lines,
                           PrintStream terminalErr) {
        if (!enabled || files < MIN_FILES) {
            return NONE;
        }
        return terminal ? new BarProgress(files, bytes, terminalErr) : new LineProgress(files, bytes, lines,
                System::nanoTime);
    }
}
