package io.progate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package map (docs/DESIGN.md, "Packages": feature packages one level under {@code io.progate}) holds in the
 * compiled main code: no cycles between feature packages, credentials know nothing of the sandbox,
 * and demo seeding is reached only from start-up.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.progate");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.progate.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void credentialsDoNotDependOnTheSandbox() {
        noClasses().that().resideInAPackage("io.progate.credential..")
                .should().dependOnClassesThat().resideInAPackage("io.progate.sandbox..")
                .check(MAIN);
    }

    @Test
    void onlyStartUpReachesTheDemoSeeding() {
        noClasses().that().resideOutsideOfPackage("io.progate.demo..")
                .and().doNotHaveFullyQualifiedName(StartupSeeding.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.progate.demo..")
                .check(MAIN);
    }
}
