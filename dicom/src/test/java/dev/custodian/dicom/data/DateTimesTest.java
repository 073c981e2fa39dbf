package dev.custodian.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DateTimesTest {
    @Test
    void dates() {
        assertThat(DateTimes.parseDate("19991231")).contains(LocalDate.of(1999, 12, 31));
        assertThat(DateTimes.parseDate("1999.12.31")).contains(LocalDate.of(1999, 12, 31));
        assertThat(DateTimes.parseDate("19990230")).isEmpty();
        assertThat(DateTimes.parseDate("1999123")).isEmpty();
        assertThat(DateTimes.parseDate("")).isEmpty();
    }

    @Test
    void times() {
        assertThat(DateTimes.parseTime("07")).contains(LocalTime.of(7, 0));
        assertThat(DateTimes.parseTime("0715")).contains(LocalTime.of(7, 15));
        assertThat(DateTimes.parseTime("071530.5")).contains(LocalTime.of(7, 15, 30, 500_000_000));
        assertThat(DateTimes.parseTime("07:15:30")).contains(LocalTime.of(7, 15, 30));
        assertThat(DateTimes.parseTime("235960")).contains(LocalTime.of(23, 59, 59));
        assertThat(DateTimes.parseTime("0715.5")).isEmpty();
        assertThat(DateTimes.parseTime("2500")).isEmpty();
        assertThat(DateTimes.parseTime("071")).isEmpty();
    }

    @Test
    void dateTimes() {
        assertThat(DateTimes.parseDateTime("2024")).contains(LocalDateTime.of(2024, 1, 1, 0, 0));
        assertThat(DateTimes.parseDateTime("202402291330")).contains(LocalDateTime.of(2024, 2, 29, 13, 30));
        assertThat(DateTimes.parseDateTime("20240229133005.25-0500")).contains(LocalDateTime.of(2024, 2, 29, 13, 30, 5, 250_000_000));
        assertThat(DateTimes.parseDateTime("2024022")).isEmpty();
        assertThat(DateTimes.parseDateTime("x")).isEmpty();
    }
}
