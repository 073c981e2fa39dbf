package dev.custodian.server.tools;

import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.SopReference;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters of the tools' option values; a bad value is a one-line usage error. */
final class Converters {
    private Converters() {
    }

    /** {@code -c AET@host:port}, as dcm4che's tools take it. */
    static final class Peer implements ITypeConverter<RemoteAe> {
        @Override
        public RemoteAe convert(String value) {
            int at = value.indexOf('@');
            if (at < 0) {
                throw new TypeConversionException("expected AET@host:port, got '" + value + "'");
            }
            try {
                String aet = AeTitles.require(value.substring(0, at));
                HostPort hp = HostPort.parse(value.substring(at + 1), true, value);
                return new RemoteAe(aet, hp.host(), hp.port());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code -b AET[@host][:port]}. */
    static final class Bind implements ITypeConverter<BindAddress> {
        @Override
        public BindAddress convert(String value) {
            try {
                return BindAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --uid CLASS:INSTANCE}: a SOP Class UID and a SOP Instance UID. */
    static final class Reference implements ITypeConverter<SopReference> {
        @Override
        public SopReference convert(String value) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw new TypeConversionException("expected SOPClassUID:SOPInstanceUID, got '" + value + "'");
            }
            try {
                return new SopReference(value.substring(0, colon).strip(), value.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A duration: seconds as a plain number ("30", "2.5"), or with a unit: "500ms", "30s", "2m", "1h". */
    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            long factor = 1000;
            String number = v;
            if (v.endsWith("ms")) {
                factor = 1;
                number = v.substring(0, v.length() - 2);
            } else if (v.endsWith("s") || v.endsWith("m") || v.endsWith("h")) {
                factor = switch (v.charAt(v.length() - 1)) {
                    case 's' -> 1000;
                    case 'm' -> 60_000;
                    default -> 3_600_000;
                };
                number = v.substring(0, v.length() - 1);
            }
            try {
                double amount = Double.parseDouble(number);
                long millis = Math.round(amount * factor);
                if (amount > 0 && millis > 0 && Double.isFinite(amount)) {
                    return Duration.ofMillis(millis);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected a positive duration such as 30, 30s, 500ms or 2m, got '"
                    + value + "'");
        }
    }
}
