package org.arrival.assessments.checklist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The checklist's domain model is plain Java: no Spring, no Jackson, no persistence. */
class ChecklistDomainArchitectureTest {

    @Test
    void domainIsFrameworkFree() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.arrival.assessments.checklist");
        noClasses()
                .that()
                .resideInAPackage("org.arrival.assessments.checklist.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta..")
                .check(classes);
    }
}
