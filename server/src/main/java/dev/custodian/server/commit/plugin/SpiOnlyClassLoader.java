package dev.custodian.server.commit.plugin;

/**
 * The parent of every plug-in class loader: the JDK (platform class loader) and the SPI package
 * {@code dev.custodian.commit.spi}, nothing else of the server's class path. A plug-in may thus
 * bundle its own libraries, whatever versions the server uses, and cannot reach into the server.
 */
final class SpiOnlyClassLoader extends ClassLoader {
    private static final String SPI_PACKAGE = "dev.custodian.commit.spi.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader server;

    SpiOnlyClassLoader(ClassLoader server) {
        super("custodian-plugin-parent", ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE)) {
            return server.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }
}
