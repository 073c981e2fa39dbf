package dev.custodian.commit.spi;

/**
 * The Failure Reasons (0008,1197) a check may answer for one instance, PS3.4 §J.3.3.1.1
 * Table J.3-2 (Orthanc's {@code OrthancPluginStorageCommitmentFailureReason}, without Success and
 * without 0131H Duplicate transaction UID, which concerns a whole request and is decided by
 * Custodian before any check runs).
 */
public enum FailureReason {
    /** 0110H: a general failure in processing the operation (e.g. the copy is damaged). */
    PROCESSING_FAILURE(0x0110, "Processing failure"),
    /** 0112H: the instance is not available (not held). */
    NO_SUCH_OBJECT_INSTANCE(0x0112, "No such object instance"),
    /** 0213H: not enough resources to store the instance. */
    RESOURCE_LIMITATION(0x0213, "Resource limitation"),
    /** 0122H: the instance's SOP class is not one the site stores. */
    REFERENCED_SOP_CLASS_NOT_SUPPORTED(0x0122, "Referenced SOP Class not supported"),
    /** 0119H: the SOP class given does not match the one of the instance held. */
    CLASS_INSTANCE_CONFLICT(0x0119, "Class / Instance conflict");

    private final int code;
    private final String meaning;

    FailureReason(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The value sent in the report, e.g. {@code 0x0112}. */
    public int code() {
        return code;
    }

    /** The standard's name of the reason. */
    public String meaning() {
        return meaning;
    }
}
