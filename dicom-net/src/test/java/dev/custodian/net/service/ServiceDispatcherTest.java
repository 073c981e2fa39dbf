package dev.custodian.net.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.custodian.net.dimse.AcceptedContext;
import dev.custodian.net.dimse.CEchoRq;
import dev.custodian.net.dimse.CEchoRsp;
import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.DimseResponse;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.FakeChannel;
import dev.custodian.net.dimse.NActionRq;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.dimse.NEventReportRq;
import dev.custodian.net.dimse.NEventReportRsp;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.ul.DataSetInterruptedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ServiceDispatcherTest {
    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    private static final String STGCMT = "1.2.840.10008.1.20.1";
    private static final String STGCMT_INST = "1.2.840.10008.1.20.1.1";

    private final AtomicReference<String> storedSyntax = new AtomicReference<>();
    private final AtomicReference<byte[]> storedBytes = new AtomicReference<>();

    private final CStoreService store = (ctx, rq, data) -> {
        storedSyntax.set(ctx.transferSyntax());
        storedBytes.set(data.readAllBytes());
        if (rq.affectedSopInstanceUid().equals("9.9")) {
            throw new DimseFailure(Status.OUT_OF_RESOURCES, "disk full");
        }
        if (rq.affectedSopInstanceUid().equals("6.6")) {
            throw new IllegalStateException("bug");
        }
        if (rq.affectedSopInstanceUid().equals("5.5")) {
            throw new IOException("connection reset");
        }
        if (rq.affectedSopInstanceUid().equals("4.4")) {
            throw new IOException("Data set incomplete", new DataSetInterruptedException("aborted",
                    new IOException("A-ABORT unexpected-PDU")));
        }
        if (rq.affectedSopInstanceUid().equals("3.3")) {
            throw new DataSetInterruptedException("gone", new IOException("transport closed in Sta6"));
        }
        return Status.COERCION_OF_DATA_ELEMENTS;
    };

    private final ServiceRegistry registry = ServiceRegistry.builder()
            .verification()
            .store(store, List.of(CT, MR))
            .action(STGCMT, (ctx, rq, info) -> {
                if (rq.actionTypeId() != 1) {
                    throw new DimseFailure(Status.NO_SUCH_ACTION, "action " + rq.actionTypeId());
                }
                return Status.SUCCESS;
            })
            .build();
    private final ServiceDispatcher dispatcher = new ServiceDispatcher(registry);

    private RequestContext ctx(String abstractSyntax) {
        AcceptedContext pc = new AcceptedContext(1, abstractSyntax, "1.2.840.10008.1.2.1");
        return new RequestContext(pc, "US", "THEM",
                new DimseSession(new FakeChannel(1, pc), dispatcher, Duration.ofSeconds(1)));
    }

    @Test
    void echoAnswersSuccess() throws IOException {
        DimseResponse rsp = dispatcher.handle(ctx(VERIFICATION), new CEchoRq(4, VERIFICATION), InputStream.nullInputStream());
        assertThat(rsp).isEqualTo(new CEchoRsp(4, VERIFICATION, Status.SUCCESS));
    }

    @Test
    void storeGetsTheStreamAndTransferSyntaxAndItsStatusIsAnswered() throws IOException {
        byte[] data = {8, 0, 0x10, 0, 4, 0, 0, 0, 'A', 'B', 'C', 'D'};
        DimseResponse rsp = dispatcher.handle(ctx(CT), new CStoreRq(2, CT, "1.2.3"), new ByteArrayInputStream(data));
        assertThat(rsp).isEqualTo(new CStoreRsp(2, CT, "1.2.3", Status.COERCION_OF_DATA_ELEMENTS));
        assertThat(storedBytes.get()).isEqualTo(data);
        assertThat(storedSyntax.get()).isEqualTo("1.2.840.10008.1.2.1");
    }

    @Test
    void dimseFailureBecomesTheResponseStatus() throws IOException {
        DimseResponse rsp = dispatcher.handle(ctx(MR), new CStoreRq(3, MR, "9.9"), InputStream.nullInputStream());
        assertThat(rsp.status().code()).isEqualTo(0xA700);
        assertThat(rsp.status().errorComment()).isEqualTo("disk full");
        assertThat(rsp.messageIdBeingRespondedTo()).isEqualTo(3);

        DimseResponse action = dispatcher.handle(ctx(STGCMT), new NActionRq(5, STGCMT, STGCMT_INST, 7, false),
                InputStream.nullInputStream());
        assertThat(action).isInstanceOf(NActionRsp.class);
        assertThat(action.status().code()).isEqualTo(0x0123);
    }

    @Test
    void serviceCrashOrIoFailureIsProcessingFailure() throws IOException {
        assertThat(dispatcher.handle(ctx(CT), new CStoreRq(3, CT, "6.6"), InputStream.nullInputStream())
                .status().code()).isEqualTo(0x0110);
        DimseResponse io = dispatcher.handle(ctx(CT), new CStoreRq(3, CT, "5.5"), InputStream.nullInputStream());
        assertThat(io.status().code()).isEqualTo(0x0110);
        assertThat(io.status().errorComment()).isEqualTo("connection reset");
    }

    @Test
    void requestWhoseDataSetWasCutShortIsLoggedAtInfoAndAnyOtherFailureAsTheWarning() throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger(ServiceDispatcher.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            for (String uid : List.of("4.4", "3.3")) {
                log.list.clear();
                DimseResponse cut = dispatcher.handle(ctx(CT), new CStoreRq(3, CT, uid), InputStream.nullInputStream());
                assertThat(cut.status().code()).as(uid).isEqualTo(0x0110);
                assertThat(log.list).as(uid).singleElement().satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.INFO);
                    assertThat(e.getFormattedMessage()).contains("not completed");
                });
            }
            log.list.clear();
            dispatcher.handle(ctx(CT), new CStoreRq(3, CT, "5.5"), InputStream.nullInputStream());
            assertThat(log.list).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.WARN);
        } finally {
            logger.detachAppender(log);
            logger.setLevel(before);
        }
    }

    @Test
    void unknownSopClassIsNotSupported() throws IOException {
        String us = "1.2.840.10008.5.1.4.1.1.6.1";
        DimseResponse rsp = dispatcher.handle(ctx(us), new CStoreRq(3, us, "1.2"), InputStream.nullInputStream());
        assertThat(rsp.status().code()).isEqualTo(0x0122);
    }

    @Test
    void sopClassOtherThanTheContextsIsNotSupported() throws IOException {
        DimseResponse rsp = dispatcher.handle(ctx(MR), new CStoreRq(3, CT, "1.2"), InputStream.nullInputStream());
        assertThat(rsp.status().code()).isEqualTo(0x0122);
        assertThat(rsp.status().errorComment()).contains("abstract syntax");
    }

    @Test
    void operationWithoutServiceIsUnrecognized() throws IOException {
        DimseResponse rsp = dispatcher.handle(ctx(STGCMT), new NEventReportRq(8, STGCMT, STGCMT_INST, 1, true),
                InputStream.nullInputStream());
        assertThat(rsp).isEqualTo(new NEventReportRsp(8, STGCMT, STGCMT_INST, 1, Status.UNRECOGNIZED_OPERATION, false));
        DimseResponse echoOnCt = dispatcher.handle(ctx(CT), new CEchoRq(9, CT), InputStream.nullInputStream());
        assertThat(echoOnCt.status().code()).isEqualTo(0x0211);
    }

    @Test
    void registryTellsRolesAndRefusesDuplicates() {
        ServiceRegistry r = ServiceRegistry.builder()
                .action(STGCMT, (c, rq, d) -> Status.SUCCESS)
                .eventReport(STGCMT, (c, rq, d) -> Status.SUCCESS)
                .verification().build();
        assertThat(r.abstractSyntaxes()).containsEntry(STGCMT, new ServiceRoles(true, true))
                .containsEntry(VERIFICATION, new ServiceRoles(true, false));
        assertThat(r.abstractSyntaxes().keySet()).containsExactly(STGCMT, VERIFICATION);
        assertThatThrownBy(() -> ServiceRegistry.builder().verification().verification())
                .hasMessageContaining("already registered");
        assertThat(registry.abstractSyntaxes()).containsEntry(CT, new ServiceRoles(true, false));
    }

    @Test
    void standardStorageSopClassesAreTheStorageNamedOnes() {
        List<String> all = StorageSopClasses.standard();
        assertThat(all).contains(CT, MR, "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.88.11")
                .doesNotContain(STGCMT, VERIFICATION).doesNotHaveDuplicates();
        assertThat(all.size()).isGreaterThan(100);
    }
}
