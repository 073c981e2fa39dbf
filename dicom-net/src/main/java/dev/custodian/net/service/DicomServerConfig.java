package dev.custodian.net.service;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.dicom.dict.UidDictionary;
import dev.custodian.dicom.dict.UidEntry;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.ul.TransferSyntaxSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How a {@link DicomServer} accepts associations.
 *
 * @param aeTitle                  the called AE title we answer to (others are rejected, PS3.8 §9.3.4)
 * @param callingAeTitleKnown      which calling AE titles may associate
 * @param acceptor                 address, port, association limit, PDU limits and timeouts, TLS
 * @param dimseTimeout             how long to wait for a DIMSE response or data set
 * @param storageTransferSyntaxes  accepted for SOP classes with a C-STORE service, most preferred first
 * @param otherTransferSyntaxes    accepted for the other SOP classes (their data sets are parsed)
 * @param transferSyntaxSelection  whose order picks the transfer syntax of a presentation context:
 *                                 the requestor's (its data sets arrive as it holds them) or the
 *                                 order of the two lists above
 */
public record DicomServerConfig(String aeTitle, Predicate<String> callingAeTitleKnown, AcceptorConfig acceptor,
                                Duration dimseTimeout, List<String> storageTransferSyntaxes,
                                List<String> otherTransferSyntaxes, TransferSyntaxSelection transferSyntaxSelection) {
    /**
     * Uncompressed syntaxes first, then every other standard transfer syntax (stored as received);
     * the order decides only under {@link TransferSyntaxSelection#ACCEPTOR_ORDER}.
     */
    public static final List<String> DEFAULT_STORAGE_TRANSFER_SYNTAXES = storageDefaults();
    /** The syntaxes a service that parses its data set understands. */
    public static final List<String> DEFAULT_OTHER_TRANSFER_SYNTAXES =
            List.of(Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian);

    public DicomServerConfig {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title must have 1..16 characters: " + aeTitle);
        }
        if (callingAeTitleKnown == null || acceptor == null || dimseTimeout == null || dimseTimeout.isNegative()
                || dimseTimeout.isZero() || transferSyntaxSelection == null) {
            throw new IllegalArgumentException("calling AE rule, acceptor config, a positive DIMSE timeout and a"
                    + " transfer syntax selection are required");
        }
        storageTransferSyntaxes = List.copyOf(storageTransferSyntaxes);
        otherTransferSyntaxes = List.copyOf(otherTransferSyntaxes);
        if (storageTransferSyntaxes.isEmpty() || otherTransferSyntaxes.isEmpty()) {
            throw new IllegalArgumentException("transfer syntax lists must not be empty");
        }
    }

    /** Any calling AE, the default transfer syntaxes, chosen in the requestor's order. */
    public static DicomServerConfig of(String aeTitle, AcceptorConfig acceptor, Duration dimseTimeout) {
        return new DicomServerConfig(aeTitle, calling -> true, acceptor, dimseTimeout,
                DEFAULT_STORAGE_TRANSFER_SYNTAXES, DEFAULT_OTHER_TRANSFER_SYNTAXES,
                TransferSyntaxSelection.PROPOSER_ORDER);
    }

    /** The same with {@code syntaxes} accepted for storage, most preferred first. */
    public DicomServerConfig withStorageTransferSyntaxes(List<String> syntaxes) {
        return new DicomServerConfig(aeTitle, callingAeTitleKnown, acceptor, dimseTimeout, syntaxes,
                otherTransferSyntaxes, transferSyntaxSelection);
    }

    /** The same with the transfer syntax of each context chosen by {@code selection}. */
    public DicomServerConfig withTransferSyntaxSelection(TransferSyntaxSelection selection) {
        return new DicomServerConfig(aeTitle, callingAeTitleKnown, acceptor, dimseTimeout, storageTransferSyntaxes,
                otherTransferSyntaxes, selection);
    }

    private static List<String> storageDefaults() {
        List<String> ts = new ArrayList<>(List.of(Uid.ExplicitVRLittleEndian, Uid.ImplicitVRLittleEndian,
                Uid.DeflatedExplicitVRLittleEndian, Uid.ExplicitVRBigEndian));
        for (UidEntry e : UidDictionary.standard().ofType("Transfer Syntax")) {
            if (!e.retired() && !ts.contains(e.uid())) {
                ts.add(e.uid());
            }
        }
        return List.copyOf(ts);
    }
}
