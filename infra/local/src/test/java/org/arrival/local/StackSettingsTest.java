package org.arrival.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void instancesAreOneUnlessSetForEveryServiceOrByName() {
        StackSettings one = StackSettings.of(ROOT, ROOT.resolve(".local"), false, true, Map.of());
        assertThat(one.instances(PlatformService.FORUM)).isEqualTo(1);

        assertThat(StackSettings.parseInstances(List.of("2")))
                .hasSize(PlatformService.values().length)
                .allSatisfy((service, n) -> assertThat(n).isEqualTo(2));
        Map<PlatformService, Integer> named = StackSettings.parseInstances(List.of("forum=2, web=3"));
        assertThat(named).containsOnly(Map.entry(PlatformService.FORUM, 2), Map.entry(PlatformService.WEB, 3));
        // a number for all, then names override it; a later --instances overrides an earlier one
        Map<PlatformService, Integer> both = StackSettings.parseInstances(List.of("2,action-plans=3", "registry=1"));
        assertThat(both.get(PlatformService.ACTION_PLANS)).isEqualTo(3);
        assertThat(both.get(PlatformService.REGISTRY)).isEqualTo(1);
        assertThat(both.get(PlatformService.NOTIFICATIONS)).isEqualTo(2);
        assertThat(StackSettings.parseInstances(List.of())).isEmpty();

        StackSettings s = one.withInstances(named);
        assertThat(s.instances(PlatformService.FORUM)).isEqualTo(2);
        assertThat(s.instances(PlatformService.REGISTRY)).isEqualTo(1);
        assertThat(s.root()).isEqualTo(one.root());
    }

    @Test
    void furtherInstancesListenTenPortsFurtherOnAndNameThemselvesToTheDatabase() {
        StackSettings s = StackSettings.of(ROOT, ROOT.resolve(".local"), false, true, Map.of());
        assertThat(s.port(PlatformService.FORUM, 1)).isEqualTo(8085);
        assertThat(s.port(PlatformService.FORUM, 2)).isEqualTo(8095);
        assertThat(s.baseUrl(PlatformService.WEB, 2)).isEqualTo("http://127.0.0.1:8090");
        assertThat(s.port(PlatformService.FORUM, StackSettings.MAX_INSTANCES)).isLessThan(s.keycloakPort());
        assertThat(s.jdbcUrl(PlatformService.ACTION_PLANS, 2))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/arrival_action_plans?ApplicationName=action-plans-2");
        assertThat(s.jdbcUrl(PlatformService.WEB, 1)).endsWith("/arrival_web?ApplicationName=web-1");
        assertThat(LocalStack.partName(PlatformService.FORUM, 1)).isEqualTo("forum");
        assertThat(LocalStack.partName(PlatformService.FORUM, 2)).isEqualTo("forum-2");

        StackSettings moved =
                StackSettings.of(ROOT, ROOT.resolve(".x"), false, true, Map.of("ARRIVAL_LOCAL_PORT_OFFSET", "1000"));
        assertThat(moved.port(PlatformService.REGISTRY, 3)).isEqualTo(9101);
        // every instance's port of every service differs from the others and from the stack's other ports
        Set<Integer> ports = new HashSet<>(List.of(
                s.postgresPort(),
                s.kafkaPort(),
                s.kafkaControllerPort(),
                s.keycloakPort(),
                s.keycloakManagementPort(),
                s.smtpPort()));
        for (PlatformService service : PlatformService.values()) {
            for (int n = 1; n <= StackSettings.MAX_INSTANCES; n++) {
                assertThat(ports.add(s.port(service, n)))
                        .as("%s %d", service, n)
                        .isTrue();
            }
        }
    }

    @Test
    void instancesThatAreNotUnderstoodAreNamed() {
        assertThatThrownBy(() -> StackSettings.parseInstances(List.of("two")))
                .hasMessage("--instances: 'two' is neither a number nor <service>=<number>");
        assertThatThrownBy(() -> StackSettings.parseInstances(List.of("forums=2")))
                .hasMessageStartingWith("--instances: no service named 'forums'; the services are [registry,");
        assertThatThrownBy(() -> StackSettings.parseInstances(List.of("forum=0")))
                .hasMessage("--instances: 'forum=0' must be between 1 and 9 instances");
        assertThatThrownBy(() -> StackSettings.parseInstances(List.of("10")))
                .hasMessage("--instances: '10' must be between 1 and 9 instances");
        StackSettings s = StackSettings.of(ROOT, ROOT.resolve(".local"), false, true, Map.of());
        assertThatThrownBy(() -> s.port(PlatformService.WEB, 0)).isInstanceOf(IllegalArgumentException.class);
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
