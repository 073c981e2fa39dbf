package dev.custodian.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module layering of DESIGN.md: dicom → dicom-net → stgcmt → server, never backwards. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.custodian");
    }

    @Test
    void importsEveryModule() {
        // Guards the rules below against passing on an empty import (module classes come from jars).
        assertThat(classes.contain("dev.custodian.dicom.data.VR")).isTrue();
        assertThat(classes.contain("dev.custodian.server.cli.Main")).isTrue();
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
}
