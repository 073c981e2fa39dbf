/**
 * The command line and the wiring: {@link dev.custodian.server.cli.Main} parses arguments and the
 * configuration, {@link dev.custodian.server.cli.Application} builds storage, index and REST with
 * constructors and stops them in order. The only package that may depend on all others.
 */
package dev.custodian.server.cli;
