package dev.custodian.dicom.data;

import java.math.BigInteger;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * UIDs derived from UUIDs, PS3.5 §B.2: the root "2.25." followed by the UUID read as an unsigned
 * 128-bit integer in decimal, without leading zeros. At most 39 digits, so at most 44 characters.
 */
public final class UuidUidGenerator implements UidGenerator {
    /** The root the standard assigns to UUID-derived UIDs (ISO/IEC 9834-8 / ITU-T X.667). */
    public static final String ROOT = "2.25.";

    private final Supplier<UUID> uuids;

    /** Generator using random (version 4) UUIDs. */
    public UuidUidGenerator() {
        this(UUID::randomUUID);
    }

    /** Generator using the UUIDs that {@code uuids} supplies (tests may pass fixed ones). */
    public UuidUidGenerator(Supplier<UUID> uuids) {
        this.uuids = Objects.requireNonNull(uuids, "uuids");
    }

    @Override
    public String newUid() {
        return toUid(Objects.requireNonNull(uuids.get(), "supplied UUID"));
    }

    /** The UID for {@code uuid}, PS3.5 §B.2. */
    public static String toUid(UUID uuid) {
        byte[] bytes = new byte[17]; // leading 0 byte keeps the BigInteger non-negative
        long hi = uuid.getMostSignificantBits();
        long lo = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[1 + i] = (byte) (hi >>> (56 - 8 * i));
            bytes[9 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return ROOT + new BigInteger(bytes).toString();
    }
}
