package org.arrival.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Contracts are plain Java that every service shares: no Spring, no platform library, no service. */
class ContractsArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.arrival.contracts");

    @Test
    void contractsDependOnNothingButJavaAndJson() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.arrival.platform..",
                        "org.arrival.registry..",
                        "org.arrival.assessments..",
                        "org.arrival.actionplans..",
                        "org.arrival.notifications..",
                        "org.arrival.forum..")
                .check(classes);
    }
}
