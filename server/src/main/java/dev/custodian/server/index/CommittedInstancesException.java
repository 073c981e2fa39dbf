package dev.custodian.server.index;

/**
 * A deletion refused because it would remove instances that Storage Commitment reports said we
 * keep (the commitment ledger); the caller may repeat it with an explicit force flag.
 */
public final class CommittedInstancesException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long count;

    public CommittedInstancesException(ResourceLevel level, String publicId, long count) {
        super(level.orthancName() + " " + publicId + " holds " + count + " instance(s) committed to a modality by "
                + "Storage Commitment; delete with ?force=true to remove them anyway");
        this.count = count;
    }

    /** How many committed instances the deletion would remove. */
    public long count() {
        return count;
    }
}
