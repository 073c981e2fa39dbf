package dev.custodian.server.commit.scp;

/** One attempt to deliver a job's report (the job's view of {@link ReportDelivery}; tests give their own). */
@FunctionalInterface
interface DeliveryAttempt {
    Outcome deliver(ScpJobHeader header, ScpJobState state, long now);

    /** What an attempt achieved: delivered, refused by the RSP's status, or failed; {@code error} says why. */
    record Outcome(boolean delivered, boolean refused, String error) {
        static Outcome ok() {
            return new Outcome(true, false, "");
        }

        static Outcome refusedWith(String error) {
            return new Outcome(false, true, error);
        }

        static Outcome failedWith(String error) {
            return new Outcome(false, false, error);
        }
    }
}
