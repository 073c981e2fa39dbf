package dev.custodian.server.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code AcceptedTransferSyntaxPreference}: which of the transfer syntaxes a presentation context
 * proposes the DICOM listener accepts (PS3.8 §9.3.3.2 leaves the choice to the acceptor), and so
 * in which encoding a received instance is stored.
 */
public enum AcceptedTransferSyntaxPreference {
    /**
     * {@code "Proposer"} (default): the first syntax in the sender's order that Custodian accepts.
     * A sender lists its own file's encoding first, so the file is stored as it was sent, with no
     * transcoding on the modality.
     */
    PROPOSER("Proposer"),
    /**
     * {@code "Uncompressed"}: Custodian's fixed order, Explicit VR Little Endian, Implicit VR Little
     * Endian, Deflated Explicit VR Little Endian, Explicit VR Big Endian, then every other
     * standard syntax: a sender that also offers an uncompressed syntax decompresses before sending.
     */
    UNCOMPRESSED("Uncompressed");

    /** The configuration key. */
    public static final String KEY = "AcceptedTransferSyntaxPreference";

    private final String jsonName;

    AcceptedTransferSyntaxPreference(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The value as written in the configuration file. */
    public String jsonName() {
        return jsonName;
    }

    /** The value named {@code text} (exact spelling), else a {@link ConfigException} naming the key. */
    static AcceptedTransferSyntaxPreference parse(String text) {
        for (AcceptedTransferSyntaxPreference p : values()) {
            if (p.jsonName.equals(text)) {
                return p;
            }
        }
        throw new ConfigException(KEY, "must be one of " + Arrays.stream(values())
                .map(p -> "\"" + p.jsonName + "\"").collect(Collectors.joining(", ")) + ", got \"" + text + "\"");
    }
}
