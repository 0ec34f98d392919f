package org.arrival.platform.security.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Writes and expensive reads are limited per user and per organisation; beyond the limit the answer is 429. */
@SpringBootTest(
        classes = ProbeApplication.class,
        properties = {
            "arrival.rate-limits.writes-per-user=3",
            "arrival.rate-limits.writes-per-organisation=5",
            "arrival.rate-limits.expensive-reads-per-user=2",
            "arrival.rate-limits.expensive-paths=/probe/exports/**"
        })
@AutoConfigureMockMvc
class RateLimitTest {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.instance();

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("arrival.security.issuer-uri", ISSUER::issuer);
        registry.add("arrival.security.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @Autowired
    MockMvc mvc;

    private int write(String bearer) throws Exception {
        return mvc.perform(post("/probe/items")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Flood\",\"kind\":\"ACTION\"}")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void aUserBeyondTheirWritesIsToldWhenToTryAgain() throws Exception {
        String amina = ISSUER.user("amina-" + UUID.randomUUID(), UUID.randomUUID(), "org-editor")
                .bearer();
        assertThat(write(amina)).isEqualTo(201);
        assertThat(write(amina)).isEqualTo(201);
        assertThat(write(amina)).isEqualTo(201);
        MockHttpServletResponse refused = mvc.perform(post("/probe/items")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Flood\",\"kind\":\"ACTION\"}")
                        .header(HttpHeaders.AUTHORIZATION, amina))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        // reads that are not expensive are never limited
        for (int i = 0; i < 10; i++) {
            assertThat(mvc.perform(get("/probe/me").header(HttpHeaders.AUTHORIZATION, amina))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(200);
        }
    }

    @Test
    void anOrganisationSharesOneAllowanceAcrossItsUsers() throws Exception {
        UUID org = UUID.randomUUID();
        String first =
                ISSUER.user("first-" + UUID.randomUUID(), org, "org-editor").bearer();
        String second =
                ISSUER.user("second-" + UUID.randomUUID(), org, "org-editor").bearer();
        String elsewhere = ISSUER.user("other-" + UUID.randomUUID(), UUID.randomUUID(), "org-editor")
                .bearer();
        assertThat(write(first)).isEqualTo(201);
        assertThat(write(first)).isEqualTo(201);
        assertThat(write(first)).isEqualTo(201);
        assertThat(write(second)).isEqualTo(201);
        assertThat(write(second)).isEqualTo(201);
        assertThat(write(second)).isEqualTo(429);
        assertThat(write(elsewhere)).isEqualTo(201);
    }

    @Test
    void expensiveReadsHaveTheirOwnLimit() throws Exception {
        String amina = ISSUER.user("reader-" + UUID.randomUUID(), UUID.randomUUID(), "member")
                .bearer();
        assertThat(mvc.perform(get("/probe/exports/report").header(HttpHeaders.AUTHORIZATION, amina))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/probe/exports/report").header(HttpHeaders.AUTHORIZATION, amina))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/probe/exports/report").header(HttpHeaders.AUTHORIZATION, amina))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(429);
    }
}
