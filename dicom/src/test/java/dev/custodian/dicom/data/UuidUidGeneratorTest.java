package dev.custodian.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class UuidUidGeneratorTest {
    @Test
    void knownValues() {
        // PS3.5 §B.2 example: f81d4fae-7dec-11d0-a765-00a0c91e6bf6
        assertThat(UuidUidGenerator.toUid(UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")))
                .isEqualTo("2.25.329800735698586629295641978511506172918");
        assertThat(UuidUidGenerator.toUid(new UUID(0, 0))).isEqualTo("2.25.0");
        assertThat(UuidUidGenerator.toUid(new UUID(-1, -1)))
                .isEqualTo("2.25.340282366920938463463374607431768211455");
        assertThat(UuidUidGenerator.toUid(new UUID(0, 1))).isEqualTo("2.25.1");
    }

    @Test
    void usesTheSupplier() {
        UUID fixed = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        assertThat(new UuidUidGenerator(() -> fixed).newUid()).isEqualTo("2.25.10");
    }

    @Property(tries = 1000)
    void everyUuidGivesAValidUid(@ForAll long hi, @ForAll long lo) {
        String uid = UuidUidGenerator.toUid(new UUID(hi, lo));
        assertThat(Uids.isValid(uid)).as(uid).isTrue();
        assertThat(uid.length()).isLessThanOrEqualTo(44);
    }

    @Property(tries = 5)
    void tenThousandUidsFromAnyUuidStreamAreValidAndUnique(@ForAll long seed) {
        Random random = new Random(seed);
        assertValidAndUnique(new UuidUidGenerator(() -> new UUID(random.nextLong(), random.nextLong())));
    }

    @Test
    void tenThousandRandomUidsAreValidAndUnique() {
        assertValidAndUnique(new UuidUidGenerator());
    }

    private static void assertValidAndUnique(UidGenerator gen) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String uid = gen.newUid();
            assertThat(Uids.isValid(uid)).as(uid).isTrue();
            assertThat(seen.add(uid)).as("duplicate %s", uid).isTrue();
        }
    }
}
