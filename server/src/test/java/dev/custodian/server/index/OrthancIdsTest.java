package dev.custodian.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrthancIdsTest {
    // pydicom's test file CT_small.dcm uploaded to Orthanc 1.x (POST /instances) returned these IDs.
    private static final String PATIENT_ID = "1CT1";
    private static final String STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private static final String SERIES = "1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322";
    private static final String SOP = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";

    @Test
    void matchesTheIdentifiersARealOrthancComputed() {
        assertThat(OrthancIds.patient(PATIENT_ID)).isEqualTo("fa558bce-587a86d3-ad0da9b3-9d043d9d-4f5c5718");
        assertThat(OrthancIds.study(PATIENT_ID, STUDY)).isEqualTo("8a8cf898-ca27c490-d0c7058c-929d0581-2bbf104d");
        assertThat(OrthancIds.series(PATIENT_ID, STUDY, SERIES)).isEqualTo("93034833-163e42c3-bc9a428b-194620cf-2c5799e5");
        assertThat(OrthancIds.instance(PATIENT_ID, STUDY, SERIES, SOP))
                .isEqualTo("f689ddd2-662f8fe1-8b18180d-ec2a2cee-937917af");
    }

    @Test
    void isTheSha1OfThePipeJoinedIdentifiersInFiveGroups() {
        // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d (FIPS 180-2 test vector)
        assertThat(OrthancIds.hash("abc")).isEqualTo("a9993e36-4706816a-ba3e2571-7850c26c-9cd0d89d");
        assertThat(OrthancIds.study("a", "b")).isEqualTo(OrthancIds.hash("a|b"));
    }

    @Test
    void recognisesWellFormedIds() {
        assertThat(OrthancIds.isWellFormed(OrthancIds.patient(""))).isTrue();
        assertThat(OrthancIds.isWellFormed("fa558bce-587a86d3-ad0da9b3-9d043d9d")).isFalse();
        assertThat(OrthancIds.isWellFormed("FA558BCE-587A86D3-AD0DA9B3-9D043D9D-4F5C5718")).isFalse();
        assertThat(OrthancIds.isWellFormed(null)).isFalse();
    }
}
