package org.arrival.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the harness chooses between the embedded servers and containers, and how container mode stops without Docker. */
class InfrastructureTest {

    @Test
    void embeddedUnlessContainersAreAskedFor() {
        assertThat(Infrastructure.of(null)).isEqualTo(Infrastructure.EMBEDDED);
        assertThat(Infrastructure.of(" ")).isEqualTo(Infrastructure.EMBEDDED);
        assertThat(Infrastructure.of("embedded")).isEqualTo(Infrastructure.EMBEDDED);
        assertThat(Infrastructure.of("containers")).isEqualTo(Infrastructure.CONTAINERS);
        assertThat(Infrastructure.of(" Containers ")).isEqualTo(Infrastructure.CONTAINERS);
    }

    @Test
    void anUnknownChoiceIsRefusedByName() {
        assertThatThrownBy(() -> Infrastructure.of("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arrival.infrastructure=docker is not known: use embedded or containers");
    }

    @Test
    void theSystemPropertyChooses() {
        String before = System.getProperty(Infrastructure.PROPERTY);
        try {
            System.setProperty(Infrastructure.PROPERTY, "containers");
            assertThat(Infrastructure.current()).isEqualTo(Infrastructure.CONTAINERS);
            System.clearProperty(Infrastructure.PROPERTY);
            assertThat(Infrastructure.current()).isEqualTo(Infrastructure.EMBEDDED);
        } finally {
            if (before == null) {
                System.clearProperty(Infrastructure.PROPERTY);
            } else {
                System.setProperty(Infrastructure.PROPERTY, before);
            }
        }
    }

    @Test
    void withoutDockerContainerModeStopsWithOneClearLine() {
        assertThatThrownBy(() -> ContainerInfrastructure.requireDocker(() -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the testcontainers profile needs a Docker engine: ")
                .hasMessageContaining("without -Ptestcontainers")
                .hasMessageNotContaining("\n");
        assertThatCode(() -> ContainerInfrastructure.requireDocker(() -> true)).doesNotThrowAnyException();
    }

    @Test
    void theRealmExportIsFoundAboveTheModule(@TempDir Path elsewhere) throws Exception {
        Path found = ContainerInfrastructure.realmFile(Path.of(""), null);
        assertThat(found)
                .endsWith(Path.of("infra", "keycloak", "arrival-realm.json"))
                .isRegularFile();

        assertThatThrownBy(() -> ContainerInfrastructure.realmFile(elsewhere, null))
                .hasMessageContaining("no infra/keycloak/arrival-realm.json in");
        Path copy = Files.copy(found, elsewhere.resolve("realm.json"));
        assertThat(ContainerInfrastructure.realmFile(elsewhere, copy.toString()))
                .isEqualTo(copy);
        assertThatThrownBy(() -> ContainerInfrastructure.realmFile(
                        Path.of(""), elsewhere.resolve("none.json").toString()))
                .hasMessageContaining("is not a file");
    }

    @Test
    void plainTokensComeFromARealmIfThereIsOneAndAlteredOnesAreForged() {
        boolean realm = Infrastructure.current() == Infrastructure.CONTAINERS
                || System.getProperty(TestTokenIssuer.KEYCLOAK_URL_PROPERTY) != null;
        TestTokenIssuer issuer = TestTokenIssuer.instance();
        UUID org = UUID.randomUUID();
        TestTokenIssuer.Token plain = issuer.user("amina", org, "member");
        assertThat(plain.altered()).isFalse();
        assertThat(plain.fromRealm()).isEqualTo(realm);
        assertThat(issuer.user("amina", org).claim("x", 1).fromRealm()).isFalse();
        assertThat(issuer.user("amina", org).issuer("http://elsewhere").altered())
                .isTrue();
        assertThat(issuer.user("amina", org).audience("account").altered()).isTrue();
        assertThat(issuer.user("amina", org).expiresAt(java.time.Instant.now()).altered())
                .isTrue();
        assertThat(issuer.user("amina", org).signedByStranger().altered()).isTrue();
        assertThat(issuer.user("amina", org).claim("org_id", "acme").altered()).isTrue();
    }

    @Test
    void onlyTheContainerClassTouchesTestcontainers() {
        // the embedded harness must load on a class path without Testcontainers (every default build of a service)
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.arrival.platform.testing");
        noClasses()
                .that()
                .doNotHaveSimpleName("ContainerInfrastructure")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.testcontainers..", "com.github.dockerjava..")
                .check(classes);
        // and what the others call on it names no Testcontainers type, so verifying their code loads none
        for (var method : ContainerInfrastructure.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPrivate(method.getModifiers()) || method.isSynthetic()) {
                continue;
            }
            assertThat(method.getReturnType().getName()).as(method.toString()).doesNotStartWith("org.testcontainers");
            for (Class<?> parameter : method.getParameterTypes()) {
                assertThat(parameter.getName()).as(method.toString()).doesNotStartWith("org.testcontainers");
            }
        }
    }
}
