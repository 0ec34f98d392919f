package org.arrival.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The provider signs browsers in as Keycloak does: code flow, PKCE S256 checked, refresh, logout. */
class TestOpenIdProviderTest {

    private static final String PAGE = "http://127.0.0.1:8999/app/";
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final TestTokenIssuer issuer = TestTokenIssuer.instance();
    private final TestOpenIdProvider provider = issuer.openIdProvider();

    private String origin() {
        return issuer.issuer().substring(0, issuer.issuer().indexOf(TestTokenIssuer.REALM_PATH));
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String uri, Map<String, String> form, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private Map<String, String> authorize(String client, String challenge) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", client);
        p.put("redirect_uri", PAGE);
        p.put("scope", "openid");
        p.put("state", "s-" + UUID.randomUUID());
        p.put("nonce", "n-" + UUID.randomUUID());
        if (challenge != null) {
            p.put("code_challenge", challenge);
            p.put("code_challenge_method", "S256");
        }
        return p;
    }

    /** Signs in on the form and returns the code. */
    private String code(String client, String challenge, String user, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(authorize(client, challenge));
        form.put("username", user);
        form.put("password", password);
        HttpResponse<String> answer = post(origin() + TestOpenIdProvider.AUTHORIZATION_PATH, form, null);
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(PAGE);
        assertThat(query(location)).containsEntry("state", form.get("state"));
        return query(location).get("code");
    }

    private Map<String, String> exchange(String client, String code, String verifier, String origin) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", client);
        form.put("code", code);
        form.put("redirect_uri", PAGE);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return form;
    }

    @Test
    void discoveryNamesTheEndpointsAndOnlyS256() throws Exception {
        HttpResponse<String> answer = get(provider.discoveryUri());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        Map<String, Object> doc = JSONObjectUtils.parse(answer.body());
        assertThat(doc)
                .containsEntry("issuer", issuer.issuer())
                .containsEntry("token_endpoint", origin() + TestOpenIdProvider.TOKEN_PATH)
                .containsEntry("jwks_uri", issuer.jwkSetUri())
                .containsEntry("code_challenge_methods_supported", List.of("S256"));
    }

    @Test
    void aUserSignsInOnTheFormAndTheCodeIsExchangedOnlyWithTheRightVerifier() throws Exception {
        String client = "web-" + UUID.randomUUID();
        UUID org = UUID.randomUUID();
        provider.client(client, "http://127.0.0.1:8999/*").user("amina", "secret-1", org, "member");
        String verifier = "v".repeat(20) + UUID.randomUUID().toString().replace("-", "");
        String challenge = TestOpenIdProvider.s256(verifier);

        HttpResponse<String> form =
                get(origin() + TestOpenIdProvider.AUTHORIZATION_PATH + "?" + encode(authorize(client, challenge)));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"username\">", "<label for=\"password\">", "id=\"kc-login\"");
        Map<String, String> wrong = new LinkedHashMap<>(authorize(client, challenge));
        wrong.put("username", "amina");
        wrong.put("password", "guess");
        assertThat(post(origin() + TestOpenIdProvider.AUTHORIZATION_PATH, wrong, null)
                        .body())
                .contains("Invalid username or password.");

        String code = code(client, challenge, "amina", "secret-1");
        HttpResponse<String> refused =
                post(origin() + TestOpenIdProvider.TOKEN_PATH, exchange(client, code, "w".repeat(43), null), null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant", "PKCE verification failed");
        // a code is good for one attempt only
        assertThat(post(origin() + TestOpenIdProvider.TOKEN_PATH, exchange(client, code, verifier, null), null)
                        .statusCode())
                .isEqualTo(400);
        String withoutVerifier = code(client, challenge, "amina", "secret-1");
        assertThat(post(origin() + TestOpenIdProvider.TOKEN_PATH, exchange(client, withoutVerifier, null, null), null)
                        .body())
                .contains("invalid_grant");

        int exchanged = provider.codesExchanged();
        String good = code(client, challenge, "amina", "secret-1");
        HttpResponse<String> tokens = post(
                origin() + TestOpenIdProvider.TOKEN_PATH,
                exchange(client, good, verifier, "http://127.0.0.1:8999"),
                "http://127.0.0.1:8999");
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(tokens.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:8999");
        assertThat(provider.codesExchanged()).isEqualTo(exchanged + 1);
        Map<String, Object> body = JSONObjectUtils.parse(tokens.body());
        SignedJWT access = SignedJWT.parse((String) body.get("access_token"));
        var key = JWKSet.parse(get(issuer.jwkSetUri()).body()).getKeys().get(0).toRSAKey();
        assertThat(access.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(access.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
        assertThat(access.getJWTClaimsSet().getAudience()).containsExactly(TestTokenIssuer.AUDIENCE);
        assertThat(access.getJWTClaimsSet().getStringClaim("org_id")).isEqualTo(org.toString());
        assertThat(access.getJWTClaimsSet().getStringClaim("azp")).isEqualTo(client);
        SignedJWT id = SignedJWT.parse((String) body.get("id_token"));
        assertThat(id.getJWTClaimsSet().getAudience()).containsExactly(client);
        assertThat(id.getJWTClaimsSet().getStringClaim("nonce")).startsWith("n-");
        assertThat(provider.refusals()).anyMatch(r -> r.contains("PKCE verification failed"));
    }

    @Test
    void withoutS256ChallengeOrWithAForeignRedirectThereIsNoCode() throws Exception {
        String client = "web-" + UUID.randomUUID();
        provider.client(client, "http://127.0.0.1:8999/*");
        HttpResponse<String> plain =
                get(origin() + TestOpenIdProvider.AUTHORIZATION_PATH + "?" + encode(authorize(client, null)));
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(query(plain.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "invalid_request")
                .doesNotContainKey("code");
        Map<String, String> foreign = new LinkedHashMap<>(authorize(client, "c".repeat(43)));
        foreign.put("redirect_uri", "http://evil.example/steal");
        assertThat(get(origin() + TestOpenIdProvider.AUTHORIZATION_PATH + "?" + encode(foreign))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> corsless = post(
                origin() + TestOpenIdProvider.TOKEN_PATH,
                exchange(client, "nothing", "v".repeat(43), null),
                "http://evil.example");
        assertThat(corsless.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void refreshWorksUntilLogoutEndsTheSession() throws Exception {
        String client = "web-" + UUID.randomUUID();
        provider.client(client, "http://127.0.0.1:8999/*").user("bruno", "secret-2", UUID.randomUUID(), "member");
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String code = code(client, TestOpenIdProvider.s256(verifier), "bruno", "secret-2");
        Map<String, Object> tokens = JSONObjectUtils.parse(
                post(origin() + TestOpenIdProvider.TOKEN_PATH, exchange(client, code, verifier, null), null)
                        .body());
        Map<String, String> refresh =
                Map.of("grant_type", "refresh_token", "client_id", client, "refresh_token", (String)
                        tokens.get("refresh_token"));
        int before = provider.refreshes();
        HttpResponse<String> renewed = post(origin() + TestOpenIdProvider.TOKEN_PATH, refresh, null);
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(renewed.body()).get("access_token")).isNotNull();
        assertThat(provider.refreshes()).isEqualTo(before + 1);

        HttpResponse<String> logout = get(origin() + TestOpenIdProvider.LOGOUT_PATH + "?"
                + encode(Map.of("client_id", client, "post_logout_redirect_uri", PAGE, "id_token_hint", (String)
                        tokens.get("id_token"))));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).contains(PAGE);
        assertThat(post(origin() + TestOpenIdProvider.TOKEN_PATH, refresh, null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void autoApprovalSkipsTheForm() throws Exception {
        String client = "web-" + UUID.randomUUID();
        provider.client(client, PAGE)
                .user("chen", "secret-3", UUID.randomUUID(), "member")
                .autoApprove("chen");
        try {
            HttpResponse<String> answer = get(
                    origin() + TestOpenIdProvider.AUTHORIZATION_PATH + "?" + encode(authorize(client, "c".repeat(43))));
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(query(answer.headers().firstValue("Location").orElseThrow()))
                    .containsKey("code");
        } finally {
            provider.autoApprove(null);
        }
    }
}
