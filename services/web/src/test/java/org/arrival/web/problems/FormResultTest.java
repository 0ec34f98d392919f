package org.arrival.web.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.layout.Formats;
import org.arrival.web.layout.Messages;
import org.arrival.web.layout.Page;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's problem document becomes messages by the fields it names and a summary for the rest, the typed
 * values are kept, and the form templates show both, linked for assistive technology.
 */
class FormResultTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    @Test
    void aProblemsFieldErrorsAreReadFromItsDocument() throws Exception {
        RuntimeException e = ApiClients.problem(Service.ACTION_PLANS, response(400, """
                {"type":"about:blank","title":"Invalid input","status":400,"detail":"percentComplete: must be at most 100",
                 "errors":[{"field":"percentComplete","message":"must be at most 100"},
                           {"field":"indicators[0].value","message":"must not be negative"},
                           {"field":"periodEnd","message":"must not be before the period's start"}]}"""), JSON);
        ServiceProblem problem = (ServiceProblem) e;
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.invalidInput()).isTrue();
        assertThat(problem.errors())
                .extracting(ServiceProblem.FieldError::field)
                .containsExactly("percentComplete", "indicators[0].value", "periodEnd");

        FormResult form = FormResult.refused(
                Map.of("percentComplete", "140", "narrative", "Two clinics opened"),
                Set.of("percentComplete", "narrative", "indicators[0].value"),
                problem);
        assertThat(form.value("percentComplete")).isEqualTo("140");
        assertThat(form.value("narrative")).isEqualTo("Two clinics opened");
        assertThat(form.errors("percentComplete")).containsExactly("must be at most 100");
        assertThat(form.errors("indicators[0].value")).containsExactly("must not be negative");
        assertThat(form.summary()).containsExactly("periodEnd: must not be before the period's start");
        assertThat(form.conflict()).isFalse();
    }

    @Test
    void aStaleVersionKeepsTheEditForAnotherTryAndOtherStatusesAreNotTheFormsBusiness() throws Exception {
        ServiceProblem stale = (ServiceProblem) ApiClients.problem(Service.ACTION_PLANS, response(412, """
                {"status":412,"title":"Precondition failed","detail":"The record changed: version 4 is current"}"""), JSON);
        FormResult form = FormResult.submit(Map.of("title", "New title"), Set.of("title"), () -> {
            throw stale;
        });
        assertThat(form.conflict()).isTrue();
        assertThat(form.value("title")).isEqualTo("New title");
        assertThat(form.hasErrors()).isTrue();
        assertThat(FormResult.submit(Map.of(), Set.of(), () -> {})).isNull();
        ServiceProblem forbidden = new ServiceProblem(Service.ACTION_PLANS, 403, "Forbidden", null, List.of());
        assertThatThrownBy(() -> FormResult.submit(Map.of(), Set.of(), () -> {
                    throw forbidden;
                }))
                .isSameAs(forbidden);
        assertThat(ApiClients.problem(Service.FORUM, response(502, "<html>bad gateway</html>"), JSON))
                .isInstanceOf(ServiceUnavailable.class);
        assertThat(ApiClients.problem(Service.FORUM, response(404, "not json"), JSON))
                .isInstanceOfSatisfying(
                        ServiceProblem.class, p -> assertThat(p.notFound()).isTrue());
    }

    @Test
    void theFormTemplatesShowEachMessageByItsFieldAndAllOfThemInTheSummary() {
        ServiceProblem problem = new ServiceProblem(
                Service.ACTION_PLANS,
                400,
                "Invalid input",
                null,
                List.of(
                        new ServiceProblem.FieldError("percentComplete", "must be at most 100"),
                        new ServiceProblem.FieldError("plan", "is closed")));
        FormResult form = FormResult.refused(Map.of("percentComplete", "140"), Set.of("percentComplete"), problem);
        Page page = new Page(
                Locale.ENGLISH,
                new Messages(),
                new Formats(Locale.ENGLISH, java.time.ZoneOffset.UTC),
                List.of(Locale.ENGLISH),
                null,
                null,
                null,
                "/",
                f -> f);

        StringOutput summary = new StringOutput();
        TEMPLATES.render(
                "problems/summary.jte",
                Map.of("page", page, "form", form, "labels", Map.of("percentComplete", "Percent complete")),
                summary);
        assertThat(summary.toString())
                .contains(
                        "role=\"alert\"",
                        "There is a problem",
                        "<a href=\"#field-percentComplete\">Percent complete: must be at most 100</a>",
                        "plan: is closed");

        StringOutput field = new StringOutput();
        TEMPLATES.render(
                "forms/text.jte",
                Map.of("form", form, "name", "percentComplete", "label", "Percent complete", "type", "number"),
                field);
        assertThat(field.toString())
                .contains(
                        "<label for=\"field-percentComplete\">Percent complete</label>",
                        "value=\"140\"",
                        "aria-invalid=\"true\"",
                        "aria-describedby=\"field-percentComplete-error\"",
                        "<div id=\"field-percentComplete-error\">",
                        "must be at most 100");

        StringOutput fresh = new StringOutput();
        TEMPLATES.render(
                "forms/text.jte", Map.of("form", FormResult.empty(), "name", "title", "label", "Title"), fresh);
        assertThat(fresh.toString()).doesNotContain("aria-invalid", "aria-describedby", "field-error");
    }

    private static ClientHttpResponse response(int status, String body) {
        return new ClientHttpResponse() {
            @Override
            public HttpStatusCode getStatusCode() {
                return HttpStatusCode.valueOf(status);
            }

            @Override
            public String getStatusText() {
                return "";
            }

            @Override
            public void close() {}

            @Override
            public java.io.InputStream getBody() {
                return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        };
    }
}
