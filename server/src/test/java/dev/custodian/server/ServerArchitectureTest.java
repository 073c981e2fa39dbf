package dev.custodian.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules the package-info files state. */
class ServerArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.custodian.server");

    @Test
    void storeDependsOnNothingElseOfTheServer() {
        noClasses().that().resideInAPackage("..server.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..server.config..", "..server.index..",
                        "..server.rest..", "..server.cli..")
                .check(SERVER);
    }

    @Test
    void configDependsOnNothingElseOfTheServer() {
        noClasses().that().resideInAPackage("..server.config..")
                .should().dependOnClassesThat().resideInAnyPackage("..server.store..", "..server.index..",
                        "..server.rest..", "..server.cli..")
                .check(SERVER);
    }

    @Test
    void indexKnowsNeitherHttpNorTheCommandLine() {
        noClasses().that().resideInAPackage("..server.index..")
                .should().dependOnClassesThat().resideInAnyPackage("..server.rest..", "..server.cli..", "io.javalin..")
                .check(SERVER);
    }

    @Test
    void restDoesNotDependOnTheCommandLine() {
        noClasses().that().resideInAPackage("..server.rest..")
                .should().dependOnClassesThat().resideInAPackage("..server.cli..")
                .check(SERVER);
    }

    @Test
    void dicomKnowsNeitherHttpNorTheCommandLine() {
        noClasses().that().resideInAPackage("..server.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage("..server.rest..", "..server.cli..", "io.javalin..")
                .check(SERVER);
    }

    @Test
    void jobsKnowNeitherHttpNorTheCommandLine() {
        noClasses().that().resideInAPackage("..server.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("..server.rest..", "..server.cli..", "io.javalin..")
                .check(SERVER);
    }

    @Test
    void commitmentChecksKnowNeitherHttpNorJobsNorTheCommandLine() {
        noClasses().that().resideInAnyPackage("..server.commit.check..", "..server.commit.plugin..")
                .should().dependOnClassesThat().resideInAnyPackage("..server.rest..", "..server.cli..",
                        "..server.jobs..", "io.javalin..")
                .check(SERVER);
    }
}
