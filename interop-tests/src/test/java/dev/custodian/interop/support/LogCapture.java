package dev.custodian.interop.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what is logged in this JVM while it is attached, to check for "one log line" per failure. */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** The WARN and ERROR lines so far, as "LEVEL logger - message". */
    public List<String> warnings() {
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()).toList();
        }
    }

    /** The WARN and ERROR lines so far that carry a stack trace, as "LEVEL logger - message: exception". */
    public List<String> warningsWithStackTraces() {
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .filter(e -> e.getThrowableProxy() != null)
                    .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage() + ": "
                            + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage())
                    .toList();
        }
    }

    /** The messages so far (any level) that contain {@code text}. */
    public List<String> messages(String text) {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(text)).toList();
        }
    }

    public void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
