package org.arrival.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path ROOT = StackSettings.findRoot(Path.of(""));

    @Test
    void defaultsAreThePortsTheServicesAndTheRealmExpect() {
        StackSettings s = StackSettings.of(ROOT, ROOT.resolve(".local"), false, true, Map.of());
        assertThat(s.issuer()).isEqualTo("http://127.0.0.1:8180/realms/arrival");
        assertThat(s.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.jdbcUrl("arrival_registry")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/arrival_registry");
        assertThat(s.baseUrl(PlatformService.FORUM)).isEqualTo("http://127.0.0.1:8085");
        assertThat(s.version()).doesNotContain("@").isNotBlank();
        assertThat(PlatformService.FORUM.jar(s).toString())
                .endsWith("services/forum/target/arrival-forum-" + s.version() + ".jar");
        assertThat(PlatformService.ACTION_PLANS.envPrefix()).isEqualTo("ARRIVAL_ACTION_PLANS");
        assertThat(PlatformService.ACTION_PLANS.database()).isEqualTo("arrival_action_plans");
    }

    @Test
    void anOffsetMovesEveryPortAndSinglePortsCanBeSetToo() {
        StackSettings s = StackSettings.of(
                ROOT,
                ROOT.resolve(".x"),
                true,
                false,
                Map.of("ARRIVAL_LOCAL_PORT_OFFSET", "1000", "ARRIVAL_LOCAL_SMTP_PORT", "4025"));
        assertThat(s.postgresPort()).isEqualTo(6432);
        assertThat(s.issuer()).isEqualTo("http://127.0.0.1:9180/realms/arrival");
        assertThat(s.port(PlatformService.REGISTRY)).isEqualTo(9081);
        assertThat(s.smtpPort()).isEqualTo(4025);
        assertThat(s.fresh()).isTrue();
        assertThat(s.demo()).isFalse();
    }

    @Test
    void theWebApplicationIsWhereToStartAndTheRealmFollowsItsPort() throws Exception {
        String export = java.nio.file.Files.readString(ROOT.resolve("infra/keycloak/arrival-realm.json"));
        StackSettings defaults = StackSettings.of(ROOT, ROOT.resolve(".local"), false, true, Map.of());
        assertThat(defaults.baseUrl(PlatformService.WEB)).isEqualTo("http://127.0.0.1:8080");
        assertThat(PlatformService.WEB.database()).isEqualTo("arrival_web");
        assertThat(Keycloak.realm(export, defaults)).isEqualTo(export);

        StackSettings moved =
                StackSettings.of(ROOT, ROOT.resolve(".x"), false, true, Map.of("ARRIVAL_LOCAL_PORT_OFFSET", "3000"));
        String realm = Keycloak.realm(export, moved);
        assertThat(realm)
                .contains(
                        "\"http://127.0.0.1:11080/login/oauth2/code/keycloak\"",
                        "http://127.0.0.1:11080/signed-out##http://localhost:11080/signed-out")
                .doesNotContain(":8080/")
                .contains("\"http://127.0.0.1:11085/swagger-ui/oauth2-redirect.html\"")
                .doesNotContain(":8085/");
        // the realm's invitations go to the stack's mail catcher wherever its port is
        assertThat(realm).contains("\"port\": \"5525\"").doesNotContain("\"port\": \"2525\"");
    }

    @Test
    void aPortThatIsNotANumberIsNamed() {
        assertThatThrownBy(() -> StackSettings.of(ROOT, ROOT, false, true, Map.of("ARRIVAL_LOCAL_KAFKA_PORT", "nine")))
                .hasMessage("ARRIVAL_LOCAL_KAFKA_PORT must be a port number, not 'nine'");
    }

    @Test
    void theRootIsFoundFromBelowAndRefusedOutsideTheRepository() {
        assertThat(StackSettings.findRoot(ROOT.resolve("infra/local"))).isEqualTo(ROOT);
        assertThatThrownBy(() -> StackSettings.findRoot(Path.of("/proc")))
                .hasMessageContaining("run this from the Arrival repository");
    }
}
