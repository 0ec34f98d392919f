package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformClient.Response;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.Test;

/** Every service refuses tokens Keycloak did not issue for it, or no longer vouches for. */
@org.junit.jupiter.api.extension.ExtendWith(PlatformExtension.class)
class TokenRefusalTest {

    private final RunningPlatform platform = RunningPlatform.get();

    private Map<PlatformService, String> readPaths() {
        Map<PlatformService, String> paths = new LinkedHashMap<>();
        paths.put(PlatformService.REGISTRY, "/stakeholders");
        paths.put(PlatformService.ASSESSMENTS, "/needs");
        paths.put(PlatformService.ACTION_PLANS, "/actions");
        paths.put(PlatformService.NOTIFICATIONS, "/inbox");
        paths.put(PlatformService.FORUM, "/forums/" + platform.forumId + "/tracker");
        return paths;
    }

    @Test
    void aValidKeycloakTokenIsAccepted() {
        String token = platform.token("ngo-editor");
        readPaths()
                .forEach((service, path) -> assertThat(platform.api
                                .call("GET", service, path, token, null, Map.of())
                                .status())
                        .as("%s %s", service, path)
                        .isEqualTo(200));
    }

    @Test
    void noTokenATamperedTokenAndAnotherRealmsTokenAreRefused() {
        String valid = platform.token("ngo-editor");
        String tampered = withClaim(valid, "org_id", DemoForum.KCCA);
        String otherRealm = new KeycloakAdmin(platform.settings()).masterRealmToken();
        readPaths().forEach((service, path) -> {
            for (String token : new String[] {null, tampered, otherRealm, "not-a-token"}) {
                Response r = platform.api.call("GET", service, path, token, null, Map.of());
                assertThat(r.status()).as("%s %s", service, path).isEqualTo(401);
                assertThat(r.body()).contains("\"status\":401");
            }
        });
    }

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        // the token lived one second; the services allow a minute of clock skew
        Duration wait = Duration.between(Instant.now(), platform.shortLivedTokenExpires.plusSeconds(62));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        readPaths()
                .forEach((service, path) -> assertThat(platform.api
                                .call("GET", service, path, platform.shortLivedToken, null, Map.of())
                                .status())
                        .as("%s %s", service, path)
                        .isEqualTo(401));
    }

    /** The same token with one claim changed and the original signature kept. */
    private static String withClaim(String jwt, String claim, String value) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replaceFirst("\"" + claim + "\":\"[^\"]*\"", "\"" + claim + "\":\"" + value + "\"");
        assertThat(changed).isNotEqualTo(payload);
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }
}
