package dev.custodian.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of DESIGN.md: dicom → dicom-net → stgcmt → server, never backwards; and in
 * this module, test packages that share code only through {@code dev.custodian.interop.support}.
 */
class ArchitectureTest {
    private static JavaClasses classes;
    private static JavaClasses interopTests;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.custodian");
        interopTests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.custodian.interop");
    }

    @Test
    void importsEveryModule() {
        // Guards the rules below against passing on an empty import (module classes come from jars).
        assertThat(classes.contain("dev.custodian.dicom.data.VR")).isTrue();
        assertThat(classes.contain("dev.custodian.server.cli.Main")).isTrue();
        assertThat(interopTests.contain("dev.custodian.interop.support.Tools")).isTrue();
        assertThat(interopTests.contain("dev.custodian.interop.dimse.StoreScpIT")).isTrue();
    }

    @Test
    void interopTestPackagesShareCodeOnlyThroughSupport() {
        // Each slice is a test package; a dependency on support is the one allowed between them,
        // and support (a slice as well) may depend on none of them.
        slices().matching("dev.custodian.interop.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage("dev.custodian.interop.support.."))
                .check(interopTests);
    }

    @Test
    void dicomDependsOnNothingAbove() {
        noClasses().that().resideInAPackage("dev.custodian.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.custodian.net..", "dev.custodian.stgcmt..", "dev.custodian.server..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void dicomCodecIsPure() {
        noClasses().that().resideInAnyPackage("dev.custodian.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.slf4j..", "java.net..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void networkLayerDoesNotKnowTheApplication() {
        noClasses().that().resideInAPackage("dev.custodian.net..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.custodian.stgcmt..", "dev.custodian.server..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void pduCodecsAreIndependentOfTheAssociation() {
        noClasses().that().resideInAPackage("dev.custodian.net.pdu..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.custodian.net.ul..", "dev.custodian.net.dimse..",
                        "dev.custodian.net.service..", "dev.custodian.net.transport..", "java.net..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void storageCommitmentLibraryDoesNotKnowTheServer() {
        noClasses().that().resideInAPackage("dev.custodian.stgcmt..")
                .should().dependOnClassesThat().resideInAPackage("dev.custodian.server..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void toolsNeedNoServerDatabaseOrStorage() {
        // custodian echo | store | stgcmt are built on dicom-net and stgcmt only (DESIGN.md, "Tools and page"),
        // and read their --tls PEM files with the server's TLS package (no second implementation).
        noClasses().that().resideInAPackage("dev.custodian.server.tools..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.custodian.server.tools..",
                        "dev.custodian.server.tls..", "dev.custodian.dicom..", "dev.custodian.net..",
                        "dev.custodian.stgcmt..", "java..", "javax..",
                        "picocli..", "me.tongfei.progressbar..", "com.fasterxml.jackson..", "org.slf4j..",
                        "ch.qos.logback..")
                .check(classes);
    }
}
