package dev.custodian.server.commit.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.custodian.commit.spi.CheckUnavailableException;
import dev.custodian.commit.spi.CommitmentAnswer;
import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.CommitmentTransaction;
import dev.custodian.commit.spi.StorageCommitmentPlugin;
import dev.custodian.server.commit.check.CheckedTransaction;
import dev.custodian.server.commit.check.CommitmentCheck;
import dev.custodian.server.commit.check.Verdict;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The adapter against plug-ins in memory and a fake transaction (no jobs, no database). */
class PluginCheckTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    private final PluginCalls calls = new PluginCalls(Duration.ofMillis(300));
    private final CountDownLatch release = new CountDownLatch(1);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(PluginLookup.class)).addAppender(log);
        ((Logger) LoggerFactory.getLogger(PluginCheck.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        release.countDown();
        calls.close();
        ((Logger) LoggerFactory.getLogger(PluginLookup.class)).detachAppender(log);
        ((Logger) LoggerFactory.getLogger(PluginCheck.class)).detachAppender(log);
    }

    private static List<SopReference> refs(String... uids) {
        List<SopReference> refs = new ArrayList<>();
        for (String uid : uids) {
            refs.add(new SopReference(CT, uid));
        }
        return refs;
    }

    private static CheckedTransaction tx(List<SopReference> refs) {
        return new CheckedTransaction("job-1", "2.25.7", "CT1", "CUSTODIAN", refs.size(), refs::forEach);
    }

    private CommitmentCheck check(StorageCommitmentPlugin plugin) {
        return new PluginCheck(plugin, getClass().getClassLoader(), java.nio.file.Path.of("test.jar"), calls);
    }

    private static StorageCommitmentPlugin plugin(CommitmentLookup lookup) {
        return new StorageCommitmentPlugin() {
            public String name() { return "Test"; }
            public CommitmentLookup open(CommitmentTransaction t) { return lookup; }
        };
    }

    /** Hangs on "1.3" until the test ends, deaf to interrupts; throws on "1.2"; commits the rest. */
    private CommitmentLookup unruly() {
        return (sopClass, uid) -> {
            if (uid.equals("1.2")) {
                throw new IllegalStateException("boom");
            }
            if (uid.equals("1.3")) {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        // deaf on purpose: the worst kind of plug-in
                    }
                }
            }
            return CommitmentAnswer.COMMITTED;
        };
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void answersBecomeVerdictsInOrderWithTheirReasonsAndDescriptions() throws IOException {
        CommitmentLookup lookup = (sopClass, uid) -> uid.endsWith(".9")
                ? CommitmentAnswer.failed(dev.custodian.commit.spi.FailureReason.NO_SUCH_OBJECT_INSTANCE, "not on tape")
                : CommitmentAnswer.COMMITTED;
        List<SopReference> refs = refs("1.1", "1.9", "1.4");
        try (CommitmentCheck.Lookup l = check(plugin(lookup)).open(tx(refs))) {
            List<Verdict> verdicts = l.check(refs);
            assertThat(verdicts).extracting(Verdict::committed).containsExactly(true, false, true);
            assertThat(verdicts.get(1).reason()).isEqualTo(FailureReason.NO_SUCH_OBJECT_INSTANCE);
            assertThat(verdicts.get(1).description()).isEqualTo("not on tape");
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aThrowingLookupFailsThatInstanceOnlyWith0110H() throws IOException {
        List<SopReference> refs = refs("1.1", "1.2", "1.4");
        try (CommitmentCheck.Lookup l = check(plugin(unruly())).open(tx(refs))) {
            List<Verdict> verdicts = l.check(refs);
            assertThat(verdicts).extracting(Verdict::committed).containsExactly(true, false, true);
            assertThat(verdicts.get(1).reason()).isEqualTo(FailureReason.PROCESSING_FAILURE);
            assertThat(verdicts.get(1).description()).contains("plug-in Test threw").contains("boom");
        }
        assertThat(warnings()).singleElement().asString().contains("2.25.7").contains("1 threw").contains("boom");
    }

    @Test
    void aHangingLookupFailsThatInstanceAndTheRestOfTheBatchThenLaterBatchesWhileItHangs() throws IOException {
        List<SopReference> refs = refs("1.1", "1.3", "1.4", "1.5", "1.6");
        Thread job = Thread.currentThread();
        try (CommitmentCheck.Lookup l = check(plugin(unruly())).open(tx(refs))) {
            List<Verdict> first = l.check(refs.subList(0, 4));
            assertThat(first).extracting(Verdict::committed).containsExactly(true, false, false, false);
            assertThat(first.get(1).reason()).isEqualTo(FailureReason.PROCESSING_FAILURE);
            assertThat(first.get(1).description()).contains("did not answer for 1.3 within 300 ms");
            assertThat(first.get(2).description()).startsWith("not asked");
            List<Verdict> second = l.check(refs.subList(4, 5));
            assertThat(second.get(0).description()).contains("still inside a lookup that timed out");
        }
        assertThat(Thread.currentThread()).isSameAs(job);
        assertThat(warnings()).singleElement().asString()
                .contains("4 instance(s) failed with 0110H").contains("1 timed out").contains("3 not asked");
    }

    @Test
    void onceTheHungCallReturnsLaterBatchesAreAskedAgain() throws IOException {
        List<SopReference> refs = refs("1.3", "1.4");
        try (CommitmentCheck.Lookup l = check(plugin(unruly())).open(tx(refs))) {
            assertThat(l.check(refs.subList(0, 1)).get(0).committed()).isFalse();
            release.countDown();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> l.check(refs.subList(1, 2)).get(0).committed());
        }
    }

    @Test
    void aSlowButTimelyPluginIsNotCutShortByTheLengthOfTheBatch() throws IOException {
        List<SopReference> refs = refs("1.1", "1.4", "1.5", "1.6", "1.7", "1.8");
        CommitmentLookup slow = (sopClass, uid) -> {
            Thread.sleep(100); // each call well inside 300 ms, the batch well beyond
            return CommitmentAnswer.COMMITTED;
        };
        try (CommitmentCheck.Lookup l = check(plugin(slow)).open(tx(refs))) {
            assertThat(l.check(refs)).allMatch(Verdict::committed);
        }
    }

    @Test
    void checkUnavailableMakesTheStepRetryLater() throws IOException {
        List<SopReference> refs = refs("1.1");
        CommitmentLookup offline = (sopClass, uid) -> {
            throw new CheckUnavailableException("tape library offline");
        };
        try (CommitmentCheck.Lookup l = check(plugin(offline)).open(tx(refs))) {
            assertThatThrownBy(() -> l.check(refs)).isInstanceOf(IOException.class)
                    .hasMessageContaining("tape library offline");
        }
        StorageCommitmentPlugin unavailableAtOpen = new StorageCommitmentPlugin() {
            public String name() { return "Test"; }
            public CommitmentLookup open(CommitmentTransaction t) throws CheckUnavailableException {
                throw new CheckUnavailableException("not mounted");
            }
        };
        assertThatThrownBy(() -> check(unavailableAtOpen).open(tx(refs))).isInstanceOf(IOException.class)
                .hasMessageContaining("not mounted");
    }

    @Test
    void aFactoryThatThrowsOrHangsFailsEveryInstanceWithOneWarning() throws IOException {
        List<SopReference> refs = refs("1.1", "1.4");
        AtomicReference<String> mode = new AtomicReference<>("throw");
        StorageCommitmentPlugin bad = new StorageCommitmentPlugin() {
            public String name() { return "Test"; }
            public CommitmentLookup open(CommitmentTransaction t) throws InterruptedException {
                if (mode.get().equals("throw")) {
                    throw new IllegalArgumentException("cannot read settings");
                }
                release.await();
                return null;
            }
        };
        try (CommitmentCheck.Lookup l = check(bad).open(tx(refs))) {
            assertThat(l.check(refs)).allSatisfy(v -> assertThat(v.description()).contains("cannot read settings"))
                    .allSatisfy(v -> assertThat(v.reason()).isEqualTo(FailureReason.PROCESSING_FAILURE));
        }
        mode.set("hang");
        try (CommitmentCheck.Lookup l = check(bad).open(tx(refs))) {
            assertThat(l.check(refs)).allSatisfy(v -> assertThat(v.description()).contains("did not answer within"));
        }
        assertThat(warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("all 2 instance(s) fail with 0110H"));
    }

    @Test
    void thePluginSeesTheTransactionAsPlainValuesStreamedFromTheSource() throws IOException {
        List<SopReference> refs = refs("1.1", "1.4");
        AtomicReference<CommitmentTransaction> seen = new AtomicReference<>();
        StorageCommitmentPlugin spy = new StorageCommitmentPlugin() {
            public String name() { return "Test"; }
            public CommitmentLookup open(CommitmentTransaction t) {
                seen.set(t);
                return (c, i) -> CommitmentAnswer.COMMITTED;
            }
        };
        check(spy).open(tx(refs)).close();
        CommitmentTransaction t = seen.get();
        assertThat(List.of(t.jobId(), t.transactionUid(), t.remoteAet(), t.calledAet()))
                .containsExactly("job-1", "2.25.7", "CT1", "CUSTODIAN");
        assertThat(t.sopInstanceUids()).containsExactly("1.1", "1.4");
        assertThat(t.sopClassUids()).containsExactly(CT, CT);
    }
}
