package org.arrival.platform.security.probe;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Hostile and loose input as every service receives it: control characters, lone surrogates, personal data, numbers
 * for enums and dates, fractions for counts, dates out of range and oversized bodies are refused with 400 or 413
 * before any handler runs; the well-formed request passes.
 */
@SpringBootTest(classes = ProbeApplication.class)
@AutoConfigureMockMvc
class HostileInputTest {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.instance();

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("arrival.security.issuer-uri", ISSUER::issuer);
        registry.add("arrival.security.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @Autowired
    MockMvc mvc;

    private final String token =
            ISSUER.user("amina", UUID.randomUUID(), "org-editor").bearer();

    private ResultActions note(String json) throws Exception {
        return mvc.perform(post("/probe/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .header(HttpHeaders.AUTHORIZATION, token));
    }

    /** A well-formed note with one field given as raw JSON. */
    private static String body(String field, String value) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", "\"Health escort\"");
        fields.put("code", "\"UG-KLA-2026\"");
        fields.put("contact", "\"office@city.example\"");
        fields.put("on", "\"2026-03-01\"");
        fields.put("count", "12");
        fields.put("share", "0.5");
        fields.put("kind", "\"ACTION\"");
        fields.put("parts", "[{\"label\":\"a\",\"count\":3}]");
        fields.put(field, value);
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    @Test
    void aWellFormedBodyPasses() throws Exception {
        note(body("title", "\"Escort to the clinic in Kisenyi, 12 people a week from 0.5 km away\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact").value("office@city.example"));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedWhereverTheyAre() throws Exception {
        note(body("title", "\"Escort\\u0000\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].code").value("text.control-character"));
        note(body("title", "\"half \\ud800 a pair\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("surrogate")));
        note(body("code", "\"UG\\u001b[31m\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        note(body("parts", "[{\"label\":\"x\\u0007\",\"count\":1}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parts[0].label"));
        note(body("title", "\"Line one\\nline two\\tand a tab\"")).andExpect(status().isOk());
        mvc.perform(get("/probe/search").param("q", "a\u0000b").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/probe/items/%00").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/probe/search").param("q", "ordinary words").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk())
                .andExpect(content().string("ordinary words"));
    }

    @Test
    void personalDataIsRefusedInFreeTextButContactsAndCodesHaveTheirPlace() throws Exception {
        note(body("title", "\"Call Amina on 0772 123456\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].code").value("personal-data.phone"));
        note(body("parts", "[{\"label\":\"passport A1234567\",\"count\":1}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parts[0].label"))
                .andExpect(jsonPath("$.errors[0].code").value("personal-data.document-number"));
        note(body("contact", "\"+256 414 123456\"")).andExpect(status().isOk());
        note(body("contact", "\"born 12 March 1991\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("personal-data.date-of-birth"));
        note(body("code", "\"A1234567\"")).andExpect(status().isOk());
    }

    @Test
    void typesAreReadStrictly() throws Exception {
        note(body("kind", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        note(body("on", "20260101"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("on"));
        note(body("count", "10.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"));
        note(body("count", "10")).andExpect(status().isOk());
    }

    @Test
    void datesLieBetween1900And2200() throws Exception {
        note(body("on", "\"1899-12-31\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("date.out-of-range"))
                // its limits, for wording it in the reader's language
                .andExpect(jsonPath("$.errors[0].parameters.from").value(1900))
                .andExpect(jsonPath("$.errors[0].parameters.to").value(2200));
        note(body("on", "\"2201-01-01\"")).andExpect(status().isBadRequest());
        note(body("at", "\"+999999999-12-31T23:59:59Z\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("at")));
        note(body("on", "\"1900-01-01\"")).andExpect(status().isOk());
        note(body("at", "\"2200-12-31T23:59:59Z\"")).andExpect(status().isOk());
    }

    @Test
    void aBodyLargerThanTheLimitIs413() throws Exception {
        String big = "{\"title\":\"" + "a".repeat(1024 * 1024) + "\"}";
        mvc.perform(post("/probe/notes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(big)
                        .header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
