package dev.custodian.server.cli;

/** Entry point of the Custodian server. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String version = Main.class.getPackage().getImplementationVersion();
        System.out.println("Custodian " + (version == null ? "(development build)" : version));
    }
}
