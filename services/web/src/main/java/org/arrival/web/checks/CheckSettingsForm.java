package org.arrival.web.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.ForumApi.CheckSettings;
import org.arrival.web.api.forum.ForumApi.CoherenceSettings;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The check settings form's fields: per check {@code runs.<CODE>} (a checkbox) and {@code severities.<CODE>} (empty
 * for the default), and each threshold under its JSON field's name, so a refusal names the field to mark; what the
 * person typed, the settings' current values, and the JSON body sent.
 */
final class CheckSettingsForm {

    static final String VERSION = "version";
    static final String RUNS = "runs.";
    static final String SEVERITY = "severities.";
    static final String ON = "true";

    /** The fields a refusal may name, in the order the form shows them. */
    static final Set<String> FIELDS = fields();

    private CheckSettingsForm() {}

    static String runs(CoherenceCheckCode check) {
        return RUNS + check.name();
    }

    static String severity(CoherenceCheckCode check) {
        return SEVERITY + check.name();
    }

    /** What the person sent; an unticked box is sent as nothing, so it is empty here. */
    static Map<String, String> typed(MultiValueMap<String, String> sent) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (CoherenceCheckCode check : CoherenceCheckCode.values()) {
            typed.put(runs(check), sent.getOrDefault(runs(check), List.of()).contains(ON) ? ON : "");
            typed.put(severity(check), first(sent, severity(check)));
        }
        for (Threshold t : Threshold.values()) {
            typed.put(t.field, first(sent, t.field));
        }
        typed.put(VERSION, first(sent, VERSION));
        return typed;
    }

    /** The settings as the form shows them. */
    static Map<String, String> of(CoherenceSettings current) {
        CheckSettings settings = current.settings();
        Map<String, String> values = new LinkedHashMap<>();
        for (CoherenceCheckCode check : CoherenceCheckCode.values()) {
            values.put(runs(check), settings.disabledChecks().contains(check.name()) ? "" : ON);
            String rated = settings.severities().get(check.name());
            values.put(severity(check), rated == null ? "" : rated);
        }
        for (Threshold t : Threshold.values()) {
            values.put(t.field, shown(t.of(settings)));
        }
        values.put(VERSION, String.valueOf(current.version()));
        return values;
    }

    /**
     * The JSON body for what was typed: a number left empty is left out (the service takes its default), a list of
     * codes is sent as typed (empty for none). A number that is none is refused here, as the service would.
     */
    static Map<String, Object> body(Page page, Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> disabled = new ArrayList<>();
        Map<String, String> severities = new LinkedHashMap<>();
        for (CoherenceCheckCode check : CoherenceCheckCode.values()) {
            if (!ON.equals(typed.get(runs(check)))) {
                disabled.add(check.name());
            }
            String rated = typed.getOrDefault(severity(check), "");
            if (Arrays.stream(FlagSeverity.values()).anyMatch(s -> s.name().equals(rated))) {
                severities.put(check.name(), rated);
            }
        }
        body.put("disabledChecks", disabled);
        body.put("severities", severities);
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        for (Threshold t : Threshold.values()) {
            String value = typed.getOrDefault(t.field, "").strip();
            if (t.codes()) {
                body.put(t.field, codes(value));
                continue;
            }
            if (value.isEmpty()) {
                continue;
            }
            try {
                body.put(t.field, number(t, value));
            } catch (NumberFormatException e) {
                errors.add(new ServiceProblem.FieldError(
                        t.field,
                        t.kind == Threshold.Kind.WHOLE
                                ? page.t("checks.error.whole")
                                : page.t("checks.error.decimal")));
            } catch (ArithmeticException e) {
                errors.add(new ServiceProblem.FieldError(
                        t.field, page.t("checks.error.range", "min", t.min, "max", t.max)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ServiceProblem(Service.FORUM, 400, null, null, errors);
        }
        return body;
    }

    /**
     * A service's complaint about a field in the reader's words: the forum service says what is wrong in English
     * only, so its known complaints are worded here; any other keeps the service's words.
     */
    static String word(Page page, ServiceProblem.FieldError error) {
        Threshold t = Threshold.byField(error.field());
        String message = error.message() == null ? "" : error.message();
        if (t == null || error.code() != null) {
            return page.fieldError(error);
        }
        if (message.startsWith("must be between")) {
            return page.t("checks.error.range", "min", t.min, "max", t.max);
        }
        if (message.startsWith("at most")) {
            return page.t("checks.error.tooMany", "most", t.max);
        }
        if (message.startsWith("codes are")) {
            return page.t("checks.error.codes");
        }
        if (message.startsWith("a code is named twice")) {
            return page.t("checks.error.twice");
        }
        return page.fieldError(error);
    }

    /**
     * The fields where the settings as they are now differ from what the person typed; a number left empty is its
     * default.
     */
    static List<String> differences(Map<String, String> typed, CoherenceSettings current) {
        Map<String, String> now = of(current);
        List<String> differ = new ArrayList<>();
        for (String field : FIELDS) {
            Threshold t = Threshold.byField(field);
            String mine = typed.getOrDefault(field, "").strip();
            if (t != null && mine.isEmpty()) {
                mine = shown(t.of(current.defaults()));
            }
            String theirs = now.getOrDefault(field, "").strip();
            boolean same = t != null && t.codes()
                    ? codes(mine).equals(codes(theirs))
                    : t != null ? sameNumber(mine, theirs) : mine.equals(theirs);
            if (!same) {
                differ.add(field);
            }
        }
        return differ;
    }

    /** The version the form was opened on, or -1 when it is missing or unreadable. */
    static long version(Map<String, String> typed) {
        try {
            return Long.parseLong(typed.getOrDefault(VERSION, "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Codes as typed, separated by commas or spaces, in capitals, each once. */
    static List<String> codes(String typed) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : typed.split("[,;\\s]+")) {
            if (!code.isBlank()) {
                codes.add(code.strip().toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(codes);
    }

    /** A value as the form's input holds it: numbers plainly (2, not 2.0), codes separated by commas. */
    static String shown(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> codes) {
            return String.join(", ", codes.stream().map(String::valueOf).toList());
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static Number number(Threshold t, String value) {
        if (t.kind == Threshold.Kind.DECIMAL) {
            double d = Double.parseDouble(value.replace(',', '.'));
            if (!Double.isFinite(d) || !value.matches("-?[0-9]*[.,]?[0-9]+")) {
                throw new NumberFormatException(value);
            }
            return d;
        }
        if (!value.matches("-?[0-9]+")) {
            throw new NumberFormatException(value);
        }
        BigDecimal whole = new BigDecimal(value);
        // the service reads these as whole numbers of its own size: beyond, the value is out of range anyway
        return t == Threshold.SMALL_CITY_MINIMUM ? whole.longValueExact() : whole.intValueExact();
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new BigDecimal(a.replace(',', '.')).compareTo(new BigDecimal(b.replace(',', '.'))) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    private static String first(MultiValueMap<String, String> sent, String field) {
        return Objects.requireNonNullElse(sent.getFirst(field), "");
    }

    private static Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        for (CoherenceCheckCode check : CoherenceCheckCode.values()) {
            fields.add(runs(check));
            fields.add(severity(check));
        }
        for (Threshold t : Threshold.values()) {
            fields.add(t.field);
        }
        return java.util.Collections.unmodifiableSet(fields);
    }
}
