package dev.custodian.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UidsTest {
    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "0", "1", "2.25.0", "1.0.1", "10.20.30",
            "1.2.840.10008.1.2.1.99.1234567.123456789.123456789.1234567890123"})
    void valid(String uid) {
        assertThat(Uids.isValid(uid)).isTrue();
        assertThat(Uids.requireValid(uid)).isSameAs(uid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "1.", ".1", "1..2", "1.02", "01", "1.2a", "1.2 ", " 1.2", "1,2",
            "1.2.840.10008.1.2.1\0", "-1", "1.2.+3"})
    void invalid(String uid) {
        assertThat(Uids.isValid(uid)).isFalse();
        assertThatThrownBy(() -> Uids.requireValid(uid)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PS3.5 §9.1");
    }

    @Test
    void nullIsInvalid() {
        assertThat(Uids.isValid(null)).isFalse();
    }

    @Test
    void lengthLimit() {
        String sixtyFour = "1." + "2".repeat(62);
        assertThat(sixtyFour).hasSize(64);
        assertThat(Uids.isValid(sixtyFour)).isTrue();
        assertThat(Uids.problem(sixtyFour + "2")).contains("longer than 64");
    }

    @Test
    void problemsAreNamed() {
        assertThat(Uids.problem("1.02.3")).isEqualTo("component 2 has a leading zero (at offset 2)");
        assertThat(Uids.problem("1..3")).isEqualTo("component 2 is empty (at offset 2)");
        assertThat(Uids.problem("1.x")).isEqualTo("character 'x' at offset 2 is not a digit or '.'");
        assertThat(Uids.problem("1.2\0")).contains("\\u0000");
        assertThat(Uids.problem("")).isEqualTo("empty");
    }
}
