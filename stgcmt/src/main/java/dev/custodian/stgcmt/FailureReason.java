package dev.custodian.stgcmt;

import java.util.Map;

/**
 * Failure Reason (0008,1197), US: why the SCP does not commit to store one SOP instance
 * (PS3.4 §J.3.3.1.1 Table J.3-2; PS3.3 §C.14.1.1). The defined codes are constants; a report
 * from a peer may carry another non-zero code, which is kept as received.
 */
public record FailureReason(int code) {
    /** 0110H: a general failure in processing the operation was encountered. */
    public static final FailureReason PROCESSING_FAILURE = new FailureReason(0x0110);
    /** 0112H: one or more of the elements in the Referenced SOP Sequence was not available. */
    public static final FailureReason NO_SUCH_OBJECT_INSTANCE = new FailureReason(0x0112);
    /** 0213H: the SCP does not currently have enough resources to store the requested instances. */
    public static final FailureReason RESOURCE_LIMITATION = new FailureReason(0x0213);
    /** 0122H: commitment requested for an instance of a SOP class the SCP does not support. */
    public static final FailureReason REFERENCED_SOP_CLASS_NOT_SUPPORTED = new FailureReason(0x0122);
    /** 0119H: the SOP class given does not match the one recorded for the instance at the SCP. */
    public static final FailureReason CLASS_INSTANCE_CONFLICT = new FailureReason(0x0119);
    /** 0131H: the Transaction UID of the request is already in use. */
    public static final FailureReason DUPLICATE_TRANSACTION_UID = new FailureReason(0x0131);

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            0x0110, "Processing failure",
            0x0112, "No such object instance",
            0x0213, "Resource limitation",
            0x0122, "Referenced SOP Class not supported",
            0x0119, "Class / Instance conflict",
            0x0131, "Duplicate transaction UID");

    /** PS3.3 §C.14.1.1: the explanation the standard gives each defined reason. */
    private static final Map<Integer, String> EXPLANATIONS = Map.of(
            0x0110, "A general failure in processing the operation was encountered",
            0x0112, "One or more of the elements in the Referenced SOP Instance Sequence was not available",
            0x0213, "The SCP does not currently have enough resources to store the requested SOP Instance(s)",
            0x0122, "Storage Commitment has been requested for a SOP Instance with a SOP Class that is not "
                    + "supported by the SCP",
            0x0119, "The SOP Class of an element in the Referenced SOP Instance Sequence did not correspond to the "
                    + "SOP class registered for this SOP Instance at the SCP",
            0x0131, "The Transaction UID of the Storage Commitment Request is already in use");

    public FailureReason {
        if (code <= 0 || code > 0xFFFF) {
            throw new IllegalArgumentException(String.format(
                    "Failure Reason (0008,1197) must be a non-zero US value: %d", code));
        }
    }

    /** The reason with {@code code} (0001H..FFFFH). */
    public static FailureReason of(int code) {
        return new FailureReason(code);
    }

    /** True for the codes PS3.4 Table J.3-2 defines. */
    public boolean isDefined() {
        return DESCRIPTIONS.containsKey(code);
    }

    /** The standard's meaning, or "Unknown failure reason" for other codes. */
    public String description() {
        return DESCRIPTIONS.getOrDefault(code, "Unknown failure reason");
    }

    /**
     * The standard's explanation of the reason (PS3.3 §C.14.1.1), the {@code Description} of a
     * failure in {@code GET /storage-commitment/{id}}; "Unknown failure reason" for other codes.
     */
    public String explanation() {
        return EXPLANATIONS.getOrDefault(code, "Unknown failure reason");
    }

    @Override
    public String toString() {
        return String.format("%04XH %s", code, description());
    }
}
