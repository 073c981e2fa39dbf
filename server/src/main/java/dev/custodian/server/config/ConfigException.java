package dev.custodian.server.config;

/** The configuration file cannot be used: names the offending key and the problem. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String problem;

    public ConfigException(String key, String problem) {
        super(key == null ? problem : "configuration key \"" + key + "\": " + problem);
        this.key = key;
        this.problem = problem;
    }

    public ConfigException(String key, String problem, Throwable cause) {
        this(key, problem);
        initCause(cause);
    }

    /** The key path such as {@code DicomModalities.ct.Port}, or null when the file itself is bad. */
    public String key() {
        return key;
    }

    /** What is wrong, without the key. */
    public String problem() {
        return problem;
    }
}
