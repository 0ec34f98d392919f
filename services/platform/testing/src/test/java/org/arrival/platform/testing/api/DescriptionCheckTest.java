package org.arrival.platform.testing.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class DescriptionCheckTest {

    record Paging(int page, int size) {}

    record Request(String name) {}

    @RestController
    static class Plans {

        @GetMapping("/plans")
        String list(@RequestParam(required = false) String q, Paging paging) {
            return q + paging;
        }

        @PostMapping("/plans/{id}/{step:open|close}")
        String step(
                @PathVariable String id,
                @PathVariable String step,
                @RequestHeader("If-Match") String version,
                @RequestBody Request body) {
            return id + step + version + body;
        }
    }

    static final String HONEST = """
            {"paths": {
              "/plans": {"get": {"parameters": [
                {"name": "q", "in": "query"}, {"name": "page", "in": "query"}, {"name": "size", "in": "query"}]}},
              "/plans/{id}/{step}": {"post": {
                "parameters": [{"name": "id", "in": "path"}, {"name": "step", "in": "path"},
                               {"name": "if-match", "in": "header"}],
                "requestBody": {"content": {"application/json": {
                  "schema": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
                  "example": {"name": "Kisenyi plan"}}}}}}}}
            """;

    @Test
    void anHonestDescriptionHasNoProblem() {
        assertThat(DescriptionCheck.problems(ApiDescription.read(HONEST), handlers()))
                .isEmpty();
    }

    @Test
    void aParameterTheServerDoesNotReadIsNamed() {
        String described = HONEST.replace(
                "{\"name\": \"q\", \"in\": \"query\"}",
                "{\"name\": \"q\", \"in\": \"query\"}, {\"name\": \"caller\", \"in\": \"query\", \"required\": true}");
        assertThat(DescriptionCheck.problems(ApiDescription.read(described), handlers()))
                .containsExactly("GET /plans: describes query parameter 'caller', which the server does not read");
    }

    @Test
    void theIdempotencyKeyTheFiltersReadIsHonestOnWritesOnly() {
        String onTheWrite = HONEST.replace(
                "{\"name\": \"if-match\", \"in\": \"header\"}",
                "{\"name\": \"if-match\", \"in\": \"header\"}, {\"name\": \"Idempotency-Key\", \"in\": \"header\"}");
        assertThat(DescriptionCheck.problems(ApiDescription.read(onTheWrite), handlers()))
                .isEmpty();
        String onTheRead = HONEST.replace(
                "{\"name\": \"q\", \"in\": \"query\"}",
                "{\"name\": \"q\", \"in\": \"query\"}, {\"name\": \"Idempotency-Key\", \"in\": \"header\"}");
        assertThat(DescriptionCheck.problems(ApiDescription.read(onTheRead), handlers()))
                .containsExactly(
                        "GET /plans: describes header parameter 'Idempotency-Key', which the server does not read");
    }

    @Test
    void aWriteWithoutAnExampleOrWithAWrongOneIsNamed() {
        assertThat(DescriptionCheck.problems(
                        ApiDescription.read(HONEST.replaceAll(",\\s*\"example\": \\{\"name\": \"Kisenyi plan\"}", "")),
                        handlers()))
                .containsExactly("POST /plans/{id}/{step}: a write operation without an example request");
        assertThat(DescriptionCheck.problems(
                        ApiDescription.read(HONEST.replace("{\"name\": \"Kisenyi plan\"}", "{\"title\": \"x\"}")),
                        handlers()))
                .containsExactly(
                        "POST /plans/{id}/{step}: the example request has 'title', which the schema does not describe",
                        "POST /plans/{id}/{step}: the example request leaves out the required 'name'");
    }

    @Test
    void anOperationNoHandlerAnswersIsNamed() {
        String described = HONEST.replace("\"/plans\": {\"get\"", "\"/plans\": {\"delete\"");
        assertThat(DescriptionCheck.problems(ApiDescription.read(described), handlers()))
                .containsExactly("DELETE /plans: described, but no handler answers it");
    }

    private static RequestMappingHandlerMapping handlers() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("plans", Plans.class);
        context.refresh();
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }
}
