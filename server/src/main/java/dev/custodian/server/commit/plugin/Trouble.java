package dev.custodian.server.commit.plugin;

/**
 * What went wrong with a plug-in during one transaction, summed up for the single WARN line the
 * transaction gets (a plug-in failing 100,000 instances must not write 100,000 lines).
 */
final class Trouble {
    private int threw;
    private int timedOut;
    private int notAsked;
    private String first;

    void threw(String message) {
        threw++;
        remember(message);
    }

    void timedOut(String message) {
        timedOut++;
        remember(message);
    }

    void notAsked(int count, String message) {
        notAsked += count;
        if (count > 0) {
            remember(message);
        }
    }

    void other(String message) {
        remember(message);
    }

    private void remember(String message) {
        if (first == null) {
            first = message;
        }
    }

    boolean any() {
        return first != null;
    }

    int failed() {
        return threw + timedOut + notAsked;
    }

    /** E.g. "3 instances failed with 0110H (1 threw, 1 timed out, 1 not asked); first: ...". */
    String summary() {
        return failed() + " instance(s) failed with 0110H (" + threw + " threw, " + timedOut + " timed out, "
                + notAsked + " not asked after a timeout); first: " + first;
    }
}
