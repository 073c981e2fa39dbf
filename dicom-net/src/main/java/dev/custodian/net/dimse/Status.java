package dev.custodian.net.dimse;

import java.util.List;

/**
 * A DIMSE status, PS3.7 Annex C: the Status (0000,0900) code plus the optional related fields
 * Error Comment (0000,0902, LO, at most 64 characters) and Offending Element (0000,0901, the
 * tags at fault). Constants carry the codes of PS3.7 Annex C and the C-STORE codes of PS3.4
 * §B.2.3. Compare codes with {@link #code()}; equality includes the related fields.
 */
public record Status(int code, String errorComment, List<Integer> offendingElements) {
    /** Max length of Error Comment (0000,0902), VR LO (PS3.5 §6.2). */
    public static final int MAX_ERROR_COMMENT = 64;

    public static final Status SUCCESS = of(0x0000);
    /** PS3.4 §B.2.3: Coercion of Data Elements. */
    public static final Status COERCION_OF_DATA_ELEMENTS = of(0xB000);
    /** PS3.4 §B.2.3: Data Set does not match SOP Class (warning). */
    public static final Status DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING = of(0xB007);
    /** PS3.4 §B.2.3: Elements Discarded. */
    public static final Status ELEMENTS_DISCARDED = of(0xB006);
    /** PS3.7 §C.4.1: Attribute list error (warning). */
    public static final Status ATTRIBUTE_LIST_ERROR = of(0x0107);
    /** PS3.4 §B.2.3: Refused: Out of Resources. */
    public static final Status OUT_OF_RESOURCES = of(0xA700);
    /** PS3.4 §B.2.3: Error: Data Set does not match SOP Class. */
    public static final Status DATA_SET_DOES_NOT_MATCH_SOP_CLASS = of(0xA900);
    /** PS3.4 §B.2.3: Error: Cannot understand. */
    public static final Status CANNOT_UNDERSTAND = of(0xC000);
    /** PS3.7 §C.4.10: Processing failure. */
    public static final Status PROCESSING_FAILURE = of(0x0110);
    /** PS3.7 §C.4.13: Duplicate SOP Instance. */
    public static final Status DUPLICATE_SOP_INSTANCE = of(0x0111);
    /** PS3.7 §C.4.15: No such SOP Instance. */
    public static final Status NO_SUCH_OBJECT_INSTANCE = of(0x0112);
    /** PS3.7: No such event type. */
    public static final Status NO_SUCH_EVENT_TYPE = of(0x0113);
    /** PS3.7: No such argument. */
    public static final Status NO_SUCH_ARGUMENT = of(0x0114);
    /** PS3.7: Invalid argument value. */
    public static final Status INVALID_ARGUMENT_VALUE = of(0x0115);
    /** PS3.7: Invalid object instance. */
    public static final Status INVALID_OBJECT_INSTANCE = of(0x0117);
    /** PS3.7: No such SOP Class. */
    public static final Status NO_SUCH_SOP_CLASS = of(0x0118);
    /** PS3.7: Class-instance conflict. */
    public static final Status CLASS_INSTANCE_CONFLICT = of(0x0119);
    /** PS3.7: Missing attribute. */
    public static final Status MISSING_ATTRIBUTE = of(0x0120);
    /** PS3.7: Missing attribute value. */
    public static final Status MISSING_ATTRIBUTE_VALUE = of(0x0121);
    /** PS3.7: Refused: SOP Class not supported. */
    public static final Status SOP_CLASS_NOT_SUPPORTED = of(0x0122);
    /** PS3.7: No such action. */
    public static final Status NO_SUCH_ACTION = of(0x0123);
    /** PS3.7: Refused: not authorized. */
    public static final Status NOT_AUTHORIZED = of(0x0124);
    /** PS3.7: Duplicate invocation. */
    public static final Status DUPLICATE_INVOCATION = of(0x0210);
    /** PS3.7: Unrecognized operation. */
    public static final Status UNRECOGNIZED_OPERATION = of(0x0211);
    /** PS3.7: Mistyped argument. */
    public static final Status MISTYPED_ARGUMENT = of(0x0212);
    /** PS3.7: Resource limitation. */
    public static final Status RESOURCE_LIMITATION = of(0x0213);
    /** PS3.7 §C.3: Cancel. */
    public static final Status CANCEL = of(0xFE00);
    /** PS3.7 §C.5: Pending. */
    public static final Status PENDING = of(0xFF00);

    public Status {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("Status code out of US range: " + code);
        }
        if (errorComment != null) {
            errorComment = clip(errorComment).strip();
            if (errorComment.isEmpty()) {
                errorComment = null;
            }
        }
        offendingElements = offendingElements == null ? List.of() : List.copyOf(offendingElements);
    }

    /** The status with this code and no related fields. */
    public static Status of(int code) {
        return new Status(code, null, List.of());
    }

    /** The same status with Error Comment {@code comment} (clipped to 64 characters). */
    public Status withComment(String comment) {
        return new Status(code, comment, offendingElements);
    }

    /** The same status with Offending Element {@code tags}. */
    public Status withOffendingElements(List<Integer> tags) {
        return new Status(code, errorComment, tags);
    }

    /** The status type of this code, PS3.7 Annex C. */
    public StatusType type() {
        if (code == 0x0000) {
            return StatusType.SUCCESS;
        }
        if (code == 0xFE00) {
            return StatusType.CANCEL;
        }
        if (code == 0xFF00 || code == 0xFF01) {
            return StatusType.PENDING;
        }
        if (code == 0x0001 || code == 0x0107 || code == 0x0116 || (code & 0xF000) == 0xB000) {
            return StatusType.WARNING;
        }
        return StatusType.FAILURE;
    }

    public boolean isSuccess() {
        return type() == StatusType.SUCCESS;
    }

    public boolean isFailure() {
        return type() == StatusType.FAILURE;
    }

    /** True when the two statuses have the same code, whatever their related fields. */
    public boolean sameCode(Status other) {
        return other != null && other.code == code;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("%04XH %s", code, type()));
        if (errorComment != null) {
            sb.append(" \"").append(errorComment).append('"');
        }
        for (int tag : offendingElements) {
            sb.append(String.format(" (%04X,%04X)", tag >>> 16, tag & 0xFFFF));
        }
        return sb.toString();
    }

    private static String clip(String comment) {
        // LO forbids backslash and control characters; replace rather than fail an error report.
        String clean = comment.replaceAll("[\\\\\\p{Cntrl}]", " ");
        String trimmed = clean.strip();
        return trimmed.length() <= MAX_ERROR_COMMENT ? trimmed : trimmed.substring(0, MAX_ERROR_COMMENT);
    }
}
