package dev.custodian.server.tools;

import picocli.CommandLine;

/** {@code custodian TOOL --version}: the jar's Implementation-Version. */
final class ToolVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return new String[] {"Custodian " + (v == null ? "development" : v)};
    }
}
