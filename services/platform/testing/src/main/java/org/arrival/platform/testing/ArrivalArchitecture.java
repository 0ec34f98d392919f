package org.arrival.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The platform's dependency rules, checked by each service's and library's own architecture test:
 * a service depends only on itself, {@code contracts} and {@code services/platform/*}; no service depends on
 * another; domain packages import no Spring; platform libraries and contracts know no service.
 */
public final class ArrivalArchitecture {

    private static final String ROOT = "org.arrival";

    private ArrivalArchitecture() {}

    /** Checks a service whose classes live under {@code org.arrival.<service>}. */
    public static void verifyService(String service) {
        String base = ROOT + "." + service;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + base);
        }
        onlyOwnContractsAndPlatform(base).check(classes);
        domainWithoutSpring(base).check(classes);
        everyPackageNullMarked(classes);
    }

    /** Checks a platform library or the contracts module under {@code org.arrival.<pkg>}. */
    public static void verifyLibrary(String pkg) {
        String base = ROOT + "." + pkg;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + base);
        }
        onlyOwnContractsAndPlatform(base).check(classes);
        everyPackageNullMarked(classes);
        if (pkg.equals("contracts")) {
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.springframework..")
                    .because("contracts are plain Java shared by every service")
                    .check(classes);
        }
    }

    static ArchRule onlyOwnContractsAndPlatform(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "another Arrival service",
                        c -> c.getPackageName().startsWith(ROOT + ".")
                                && !c.getPackageName().startsWith(base)
                                && !c.getPackageName().startsWith(ROOT + ".contracts")
                                && !c.getPackageName().startsWith(ROOT + ".platform")))
                .because("services share only contracts and services/platform, never each other's code");
    }

    /**
     * NullAway checks main code against JSpecify's annotations; a package without {@code @NullMarked} would leave its
     * types' nullness unstated to the compiler and to every reader.
     */
    static void everyPackageNullMarked(JavaClasses classes) {
        List<String> unmarked = classes.stream()
                .map(JavaClass::getPackage)
                .distinct()
                .filter(p -> !p.isAnnotatedWith("org.jspecify.annotations.NullMarked"))
                .map(JavaPackage::getName)
                .sorted()
                .toList();
        if (!unmarked.isEmpty()) {
            throw new AssertionError("packages without a package-info.java marked @NullMarked: " + unmarked);
        }
    }

    static ArchRule domainWithoutSpring(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "tools.jackson..", "com.fasterxml.jackson..")
                .because("domain classes hold the rules and stay free of frameworks")
                .allowEmptyShould(true);
    }
}
