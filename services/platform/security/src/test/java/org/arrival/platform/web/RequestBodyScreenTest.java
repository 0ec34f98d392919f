package org.arrival.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.web.ApiException.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request body as the screen sees it once read, without a web application: text, dates and numbers in records,
 * beans, lists, arrays, maps, optionals and raw JSON, each problem named by its JSON path.
 */
class RequestBodyScreenTest {

    record Note(
            String title,
            @NotFreeText String code,
            @OrganisationContact String contact,
            LocalDate on,
            @YearRange(from = 2000, to = 2030) LocalDate due,
            Double share,
            Float ratio,
            Integer count,
            Boolean open,
            DataClassification classification,
            UUID id,
            List<String> tags,
            String plain) {}

    record Dates(
            LocalDateTime local,
            OffsetDateTime offset,
            ZonedDateTime zoned,
            Instant instant,
            YearMonth month,
            Year year) {}

    record Holder(Object value) {}

    static class Base {
        String inherited = "fine";
    }

    static class Bean extends Base {
        static String ignoredStatic = "amina@gmail.com";
        String text;
        List<String> lines = List.of();

        @JsonProperty("given_name")
        String name = "ok";

        @JsonProperty("")
        String plain = "ok";

        Bean(String text) {
            this.text = text;
        }
    }

    /** Wide enough that only a date beyond the years a date can be written in is out of range. */
    record Any(@YearRange(from = -9999, to = 9999) Instant at) {}

    private final String label = "amina@gmail.com".strip();

    /** An inner class: its reference to the enclosing object is no field of the body. */
    class Inner {
        String text = "ok";

        @Override
        public String toString() {
            return text + " for " + label;
        }
    }

    private static Note note(String title) {
        return new Note(
                title,
                "UG-KLA-2026",
                "office@city.example",
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1),
                0.5,
                0.25f,
                12,
                true,
                DataClassification.FORUM,
                UUID.randomUUID(),
                List.of("health", "water"),
                "text");
    }

    private static List<String> fields(Object body) {
        return RequestBodyScreen.problems(body).stream().map(FieldError::field).toList();
    }

    private static FieldError only(Object body) {
        List<FieldError> problems = RequestBodyScreen.problems(body);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    @Test
    void aWellFormedBodyPassesAndIsHandedOnAsItIs() throws Exception {
        Note ok = note("Health escort for new arrivals");
        assertThat(RequestBodyScreen.problems(ok)).isEmpty();
        RequestBodyScreen.check(ok);
        RequestBodyScreen screen = new RequestBodyScreen();
        assertThat(screen.supports(null, Note.class, null)).isTrue();
        assertThat(screen.afterBodyRead(ok, null, null, Note.class, null)).isSameAs(ok);
        assertThat(RequestBodyScreen.problems(null)).isEmpty();
    }

    @Test
    void everyOffendingFieldIsNamedInOneRefusal() {
        Note bad = new Note(
                "write to amina@gmail.com",
                "UG\u0000KLA",
                "office@city.example",
                LocalDate.of(1899, 12, 31),
                LocalDate.of(2026, 4, 1),
                Double.NaN,
                0.5f,
                1,
                false,
                null,
                null,
                List.of("ok", "passport A1234567"),
                null);
        assertThat(fields(bad)).containsExactly("title", "code", "on", "share", "tags[1]");
        assertThatThrownBy(() -> RequestBodyScreen.check(bad)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("title", "code", "on", "share", "tags[1]");
            assertThat(e.getMessage())
                    .startsWith("title: looks like an e-mail address of a person; ")
                    .contains("; code: contains a control character (U+0000); ")
                    .contains("; on: must be a date between the years 1900 and 2200; ")
                    .endsWith("; tags[1]: looks like an identity document number of a person; Arrival keeps "
                            + "no personal data about people, so remove it");
        });
        assertThatThrownBy(() -> new RequestBodyScreen().afterBodyRead(bad, null, null, Note.class, null))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void freeTextIsScreenedForPersonalDataWithItsCode() {
        FieldError email = only(note("write to amina@gmail.com"));
        assertThat(email.field()).isEqualTo("title");
        assertThat(email.code()).isEqualTo("personal-data.email");
        assertThat(email.message())
                .isEqualTo(
                        "looks like an e-mail address of a person; Arrival keeps no personal data about people, so remove it");
        assertThat(only(note("born 12 March 1991")).code()).isEqualTo("personal-data.date-of-birth");
        // a bare string is the body itself
        assertThat(only("call 0772 123456").field()).isEqualTo("body");
        assertThat(only("call 0772 123456").code()).isEqualTo("personal-data.phone");
    }

    @Test
    void codesAreNotScreenedAndAnOfficeContactMayHoldAMailboxButNotAPassport() {
        Note codeWithAddress = new Note(
                "t",
                "amina@gmail.com",
                "info@kcca.go.ug, +256 414 123456",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null);
        assertThat(RequestBodyScreen.problems(codeWithAddress)).isEmpty();
        Note contactWithPassport = new Note(
                "t", "c", "passport A1234567", null, null, null, null, null, null, null, null, List.of(), null);
        FieldError e = only(contactWithPassport);
        assertThat(e.field()).isEqualTo("contact");
        assertThat(e.code()).isEqualTo("personal-data.document-number");
    }

    @Test
    void textProblemSaysWhatTheFieldAllows() {
        assertThat(RequestBodyScreen.textProblem("f", "amina@gmail.com", false, false))
                .isEmpty();
        assertThat(RequestBodyScreen.textProblem("f", "amina@gmail.com", true, true))
                .isEmpty();
        assertThat(RequestBodyScreen.textProblem("f", "amina@gmail.com", true, false))
                .get()
                .extracting(FieldError::code)
                .isEqualTo("personal-data.email");
        assertThat(RequestBodyScreen.textProblem("f", "born 12 March 1991", true, true))
                .get()
                .extracting(FieldError::code)
                .isEqualTo("personal-data.date-of-birth");
        FieldError control =
                RequestBodyScreen.textProblem("f", "a\u0007b", false, false).orElseThrow();
        assertThat(control.field()).isEqualTo("f");
        assertThat(control.code()).isEqualTo("text.control-character");
        assertThat(control.message()).isEqualTo("contains a control character (U+0007)");
        assertThat(RequestBodyScreen.textProblem("f", "ordinary text", true, false))
                .isEmpty();
    }

    @Test
    void controlCharactersSurrogatesAndNoncharactersAreRefusedTabsAndLineBreaksAreNot() {
        assertThat(RequestBodyScreen.controlProblem("line one\nline two\r\n\tindented"))
                .isNull();
        assertThat(RequestBodyScreen.controlProblem("")).isNull();
        assertThat(RequestBodyScreen.controlProblem("\u0000")).isEqualTo("contains a control character (U+0000)");
        assertThat(RequestBodyScreen.controlProblem("a\u001F")).isEqualTo("contains a control character (U+001F)");
        assertThat(RequestBodyScreen.controlProblem("\u000B")).isEqualTo("contains a control character (U+000B)");
        assertThat(RequestBodyScreen.controlProblem(" ~")).isNull();
        assertThat(RequestBodyScreen.controlProblem("\u007F")).isEqualTo("contains a control character (U+007F)");
        assertThat(RequestBodyScreen.controlProblem("\u0085")).isEqualTo("contains a control character (U+0085)");
        assertThat(RequestBodyScreen.controlProblem("\u009F")).isEqualTo("contains a control character (U+009F)");
        assertThat(RequestBodyScreen.controlProblem("\u00A0é")).isNull();
        assertThat(RequestBodyScreen.controlProblem("\uFFFE"))
                .isEqualTo("contains a character that is not text (U+FFFE)");
        assertThat(RequestBodyScreen.controlProblem("x\uFFFF"))
                .isEqualTo("contains a character that is not text (U+FFFF)");
        assertThat(RequestBodyScreen.controlProblem("\uFFFD\uFFFC")).isNull();
        // a pair is one character; a half of one is not text
        assertThat(RequestBodyScreen.controlProblem("smile \uD83D\uDE00 please"))
                .isNull();
        assertThat(RequestBodyScreen.controlProblem("\uD83D\uDE00")).isNull();
        assertThat(RequestBodyScreen.controlProblem("end \uD83D"))
                .isEqualTo("contains an unpaired surrogate character");
        assertThat(RequestBodyScreen.controlProblem("\uD83Dx")).isEqualTo("contains an unpaired surrogate character");
        assertThat(RequestBodyScreen.controlProblem("\uD83D\uD83D\uDE00"))
                .isEqualTo("contains an unpaired surrogate character");
        assertThat(RequestBodyScreen.controlProblem("\uDE00x")).isEqualTo("contains an unpaired surrogate character");
        assertThat(RequestBodyScreen.controlProblem("\uD83D\uDE00\uDE00"))
                .isEqualTo("contains an unpaired surrogate character");
        // after a pair, a control character is still seen
        assertThat(RequestBodyScreen.controlProblem("\uD83D\uDE00\u0001"))
                .isEqualTo("contains a control character (U+0001)");
    }

    @Test
    void datesLieInTheYears1900To2200Inclusive() {
        assertThat(fields(new Holder(LocalDate.of(1900, 1, 1)))).isEmpty();
        assertThat(fields(new Holder(LocalDate.of(2200, 12, 31)))).isEmpty();
        FieldError early = only(new Holder(LocalDate.of(1899, 12, 31)));
        assertThat(early.field()).isEqualTo("value");
        assertThat(early.code()).isEqualTo("date.out-of-range");
        assertThat(early.message()).isEqualTo("must be a date between the years 1900 and 2200");
        assertThat(early.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("from", 1900, "to", 2200));
        assertThat(fields(new Holder(LocalDate.of(2201, 1, 1)))).containsExactly("value");
    }

    @Test
    void everyKindOfDateAndTimeIsChecked() {
        Dates ok = new Dates(
                LocalDateTime.of(2026, 1, 1, 10, 0),
                OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC),
                Instant.parse("2026-01-01T10:00:00Z"),
                YearMonth.of(2026, 1),
                Year.of(2026));
        assertThat(fields(ok)).isEmpty();
        Dates bad = new Dates(
                LocalDateTime.of(1899, 12, 31, 23, 59),
                OffsetDateTime.of(2201, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                Instant.parse("1899-12-31T23:59:59Z"),
                YearMonth.of(2201, 1),
                Year.of(1899));
        assertThat(fields(bad)).containsExactly("local", "offset", "zoned", "instant", "month", "year");
        assertThat(fields(new Holder(Instant.parse("1900-01-01T00:00:00Z")))).isEmpty();
        assertThat(fields(new Holder(Instant.parse("2200-12-31T23:59:59Z")))).isEmpty();
        assertThat(fields(new Holder(Instant.parse("2201-01-01T00:00:00Z")))).containsExactly("value");
        // beyond the years a date can be written in
        assertThat(fields(new Holder(Instant.MAX))).containsExactly("value");
        assertThat(fields(new Holder(Instant.MIN))).containsExactly("value");
        assertThat(fields(new Holder(Instant.parse("+10000-01-01T00:00:00Z")))).containsExactly("value");
        assertThat(fields(new Holder(Instant.parse("-10000-01-01T00:00:00Z")))).containsExactly("value");
        assertThat(fields(new Any(Instant.MAX))).containsExactly("at");
        assertThat(fields(new Any(Instant.MIN))).containsExactly("at");
        assertThat(fields(new Any(Instant.parse("9999-06-01T00:00:00Z")))).isEmpty();
        // a date that is the body, or in a list, has the default range
        assertThat(fields(LocalDate.of(1800, 1, 1))).containsExactly("body");
        assertThat(fields(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2300, 1, 1))))
                .containsExactly("[1]");
    }

    @Test
    void aFieldsYearRangeReplacesTheDefault() {
        for (LocalDate due : List.of(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31))) {
            assertThat(fields(new Note("t", "c", "c", null, due, null, null, null, null, null, null, List.of(), null)))
                    .isEmpty();
        }
        for (LocalDate due : List.of(LocalDate.of(1999, 12, 31), LocalDate.of(2031, 1, 1), LocalDate.of(1950, 6, 1))) {
            FieldError e =
                    only(new Note("t", "c", "c", null, due, null, null, null, null, null, null, List.of(), null));
            assertThat(e.field()).isEqualTo("due");
            assertThat(e.message()).isEqualTo("must be a date between the years 2000 and 2030");
            assertThat(e.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("from", 2000, "to", 2030));
        }
    }

    @Test
    void decimalNumbersAreFinite() {
        for (Object bad : List.of(
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN, Float.POSITIVE_INFINITY)) {
            FieldError e = only(new Holder(bad));
            assertThat(e.field()).isEqualTo("value");
            assertThat(e.code()).isEqualTo("number.not-finite");
            assertThat(e.message()).isEqualTo("must be a finite number");
        }
        for (Object ok : List.of(
                0.5, -1e300, Double.MAX_VALUE, 2.5f, 7, 7L, true, DataClassification.PUBLIC, UUID.randomUUID())) {
            assertThat(fields(new Holder(ok))).as(ok.toString()).isEmpty();
        }
    }

    @Test
    void listsArraysMapsAndOptionalsAreWalkedWithTheirPaths() {
        assertThat(fields(List.of("ok", "amina@gmail.com"))).containsExactly("[1]");
        assertThat(fields(new Holder(List.of(note("ok"), note("amina@gmail.com")))))
                .containsExactly("value[1].title");
        assertThat(fields(new Holder(new String[] {"ok", "ok", "amina@gmail.com"})))
                .containsExactly("value[2]");
        assertThat(fields(new String[] {"amina@gmail.com"})).containsExactly("[0]");
        assertThat(fields(new Holder(new double[] {1.0, Double.NaN}))).containsExactly("value[1]");
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("fine", "ok");
        labels.put("who", "amina@gmail.com");
        assertThat(fields(new Holder(labels))).containsExactly("value.who");
        assertThat(fields(labels)).containsExactly("who");
        assertThat(fields(new Holder(Optional.of("amina@gmail.com")))).containsExactly("value");
        assertThat(fields(new Holder(Optional.empty()))).isEmpty();
        assertThat(fields(new Holder(Optional.of(Optional.of(List.of("x", "amina@gmail.com"))))))
                .containsExactly("value[1]");
    }

    @Test
    void aMapKeyIsTextToo() {
        Map<String, String> labels = Map.of("bad\u0001key", "ok");
        FieldError e = only(new Holder(labels));
        assertThat(e.field()).isEqualTo("value");
        assertThat(e.message()).isEqualTo("has a key that contains a control character (U+0001)");
        assertThat(e.code()).isEqualTo("text.control-character");
        assertThat(only(labels).field()).isEqualTo("body");
    }

    @Test
    void theFieldsOfArrivalsOwnClassesAreWalkedOthersAreNot() {
        assertThat(fields(new Bean("amina@gmail.com"))).containsExactly("text");
        Bean inheritedBad = new Bean("ok");
        inheritedBad.inherited = "passport A1234567";
        inheritedBad.lines = List.of("ok", "0772 123456");
        assertThat(fields(inheritedBad)).containsExactlyInAnyOrder("lines[1]", "inherited");
        assertThat(fields(new Holder(new Bean("amina@gmail.com")))).containsExactly("value.text");
        // a field is named as in JSON; an empty @JsonProperty keeps the field's own name
        Bean named = new Bean("ok");
        named.name = "amina@gmail.com";
        named.plain = "tel 0772 123456";
        assertThat(fields(named)).containsExactlyInAnyOrder("given_name", "plain");
        // a class from elsewhere is no part of a request body's text
        assertThat(fields(new StringBuilder("amina@gmail.com"))).isEmpty();
        assertThat(fields(new org.assertj.core.description.TextDescription("amina@gmail.com")))
                .isEmpty();
        assertThat(fields(new Inner())).isEmpty();
        assertThat(fields(new Holder(new java.util.concurrent.atomic.AtomicReference<>("amina@gmail.com"))))
                .isEmpty();
    }

    @Test
    void rawJsonIsWalkedAsFreeText() {
        JsonNode json = JsonMapper.builder().build().readTree("""
                {"title": "ok", "nested": {"who": "amina@gmail.com", "n": 3, "flag": true},
                 "list": ["ok", "tel 0772 123456", {"code": "passport A1234567"}], "none": null}""");
        assertThat(fields(json)).containsExactly("body.nested.who", "body.list[1]", "body.list[2].code");
        assertThat(fields(new Holder(json))).containsExactly("value.nested.who", "value.list[1]", "value.list[2].code");
        assertThat(fields(JsonMapper.builder().build().readTree("\"amina@gmail.com\"")))
                .containsExactly("body");
        assertThat(only(JsonMapper.builder().build().readTree("\"a\\u0002\"")).code())
                .isEqualTo("text.control-character");
    }

    @Test
    void walkingStopsAtThirtyTwoLevels() {
        assertThat(fields(nested(32, "amina@gmail.com"))).hasSize(1);
        assertThat(fields(nested(33, "amina@gmail.com"))).isEmpty();
        assertThat(fields(nested(31, JsonMapper.builder().build().readTree("[\"amina@gmail.com\"]"))))
                .hasSize(1);
        assertThat(fields(nested(32, JsonMapper.builder().build().readTree("[\"amina@gmail.com\"]"))))
                .isEmpty();
        assertThat(fields(nested(32, JsonMapper.builder().build().readTree("\"amina@gmail.com\""))))
                .hasSize(1);
        assertThat(fields(nested(33, JsonMapper.builder().build().readTree("\"amina@gmail.com\""))))
                .isEmpty();
    }

    @Test
    void everyKindOfContainerCountsAsALevel() {
        String bad = "amina@gmail.com";
        JsonMapper json = JsonMapper.builder().build();
        List<Object> containers = List.of(
                Optional.of(bad),
                Map.of("k", bad),
                new String[] {bad},
                new Holder(bad),
                new Bean(bad),
                json.readTree("{\"k\": \"amina@gmail.com\"}"));
        for (Object container : containers) {
            assertThat(fields(nested(31, container))).as("%s at 31", container).hasSize(1);
            assertThat(fields(nested(32, container))).as("%s at 32", container).isEmpty();
        }
    }

    /** The value inside {@code depth} lists, so that it lies at that depth of the body. */
    private static Object nested(int depth, Object value) {
        Object v = value;
        for (int i = 0; i < depth; i++) {
            List<Object> list = new ArrayList<>();
            list.add(v);
            v = list;
        }
        return v;
    }
}
