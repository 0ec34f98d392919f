package org.arrival.assessments.checklist.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.checklist.domain.ChecklistAction;
import org.arrival.assessments.checklist.domain.Citation;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.assessments.checklist.domain.Question;
import org.arrival.assessments.checklist.domain.Recommendation;
import org.arrival.assessments.checklist.domain.StakeholderGroup;
import org.arrival.assessments.checklist.domain.Theme;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one checklist YAML document and validates it into an {@link Instrument}. Every problem found is reported at
 * once, in an {@link IllegalStateException} naming the document and each offending code.
 */
final class InstrumentReader {

    private static final Pattern RECOMMENDATION_CODE = Pattern.compile("R([1-9][0-9]*)");
    private static final Pattern ACTION_CODE = Pattern.compile("([1-9][0-9]*)\\.([1-9][0-9]*)");
    private static final Pattern QUESTION_CODE = Pattern.compile("([1-9][0-9]*\\.[1-9][0-9]*)\\.([a-z])");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private InstrumentReader() {}

    static Instrument read(String name, InputStream in) {
        InstrumentDocument doc;
        try (in) {
            doc = YAML.readValue(in, InstrumentDocument.class);
        } catch (JacksonException | IOException e) {
            throw new IllegalStateException(
                    "checklist " + name + " is not a readable instrument: " + e.getMessage(), e);
        }
        if (doc == null) {
            throw new IllegalStateException("checklist " + name + " is empty");
        }
        return new Validation(name).validate(doc);
    }

    /** Collects every problem in one document, then either builds the instrument or throws. */
    private static final class Validation {

        private final String name;
        private final List<String> problems = new ArrayList<>();
        private final Set<String> codes = new HashSet<>();

        Validation(String name) {
            this.name = name;
        }

        Instrument validate(InstrumentDocument doc) {
            blank(doc.id(), "instrument id");
            if (doc.version() == null || doc.version() < 1) {
                problems.add("instrument version must be a positive integer, was " + doc.version());
            }
            blank(doc.title(), "instrument title");
            Citation source = source(doc.source());
            scoring(doc.scoring());
            List<Recommendation> recommendations = new ArrayList<>();
            if (doc.recommendations() == null || doc.recommendations().isEmpty()) {
                problems.add("instrument has no recommendations");
            } else {
                for (int i = 0; i < doc.recommendations().size(); i++) {
                    Recommendation r = recommendation(doc.recommendations().get(i), i + 1);
                    if (r != null) {
                        recommendations.add(r);
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "checklist " + name + " is invalid:\n - " + String.join("\n - ", problems));
            }
            // each of these, when missing, is among the problems reported above
            return new Instrument(
                    Objects.requireNonNull(doc.id(), "id"),
                    Objects.requireNonNull(doc.version(), "version"),
                    Objects.requireNonNull(doc.title(), "title"),
                    Objects.requireNonNull(source, "source"),
                    recommendations);
        }

        private @Nullable Citation source(InstrumentDocument.@Nullable SourceDocument s) {
            if (s == null) {
                problems.add("instrument has no source citation");
                return null;
            }
            String author = present(s.author(), "source author");
            String title = present(s.title(), "source title");
            String reference = present(s.reference(), "source reference");
            Integer year = s.year();
            if (year == null) {
                problems.add("source year is missing");
            }
            return author == null || title == null || reference == null || year == null
                    ? null
                    : new Citation(author, year, title, reference);
        }

        private void scoring(@Nullable Map<String, @Nullable Integer> scoring) {
            Map<Answer, Integer> expected = new EnumMap<>(Answer.class);
            for (Answer a : Answer.values()) {
                expected.put(a, a.points());
            }
            if (scoring == null
                    || scoring.size() != expected.size()
                    || expected.entrySet().stream()
                            .anyMatch(e ->
                                    !e.getValue().equals(scoring.get(e.getKey().name())))) {
                problems.add("scoring must be " + expected + " (yes/sometimes/no), was " + scoring);
            }
        }

        private @Nullable Recommendation recommendation(
                InstrumentDocument.@Nullable RecommendationDocument r, int position) {
            if (r == null) {
                problems.add("recommendation #" + position + " is empty");
                return null;
            }
            String code = r.code();
            Matcher m = code == null ? null : RECOMMENDATION_CODE.matcher(code);
            if (code == null || m == null || !m.matches()) {
                problems.add("recommendation #" + position + " has code " + code + "; expected R<number>");
                return null;
            }
            int number = Integer.parseInt(m.group(1));
            unique(code);
            if (number != position) {
                problems.add("recommendation " + code + " is in position " + position
                        + "; recommendations must run R1, R2, … in order");
            }
            String title = present(r.title(), "title of recommendation " + code);
            Theme theme = parse(Theme.class, r.theme(), "theme of recommendation " + code);
            List<ChecklistAction> actions = new ArrayList<>();
            if (r.actions() == null || r.actions().isEmpty()) {
                problems.add("recommendation " + code + " has no actions");
            } else {
                for (int i = 0; i < r.actions().size(); i++) {
                    ChecklistAction a = action(r.actions().get(i), number, i + 1);
                    if (a != null) {
                        actions.add(a);
                    }
                }
            }
            int computed = actions.stream().mapToInt(ChecklistAction::maxScore).sum();
            boolean complete =
                    r.actions() != null && actions.size() == r.actions().size();
            if (r.printedTotal() != null && complete && r.printedTotal() != computed) {
                problems.add("recommendation " + code + " prints a total of " + r.printedTotal()
                        + " but its actions add up to " + computed);
            }
            // a missing title or theme is among the problems reported: the recommendation is left out, not half-built
            return theme == null || title == null
                    ? null
                    : new Recommendation(code, number, title, theme, r.printedTotal(), actions);
        }

        private @Nullable ChecklistAction action(
                InstrumentDocument.@Nullable ActionDocument a, int recommendation, int position) {
            if (a == null) {
                problems.add("action #" + position + " of R" + recommendation + " is empty");
                return null;
            }
            String code = a.code();
            Matcher m = code == null ? null : ACTION_CODE.matcher(code);
            if (code == null || m == null || !m.matches()) {
                problems.add("action #" + position + " of R" + recommendation + " has code " + code + "; expected "
                        + recommendation + ".<number>");
                return null;
            }
            unique(code);
            if (Integer.parseInt(m.group(1)) != recommendation) {
                problems.add("action " + code + " is listed under R" + recommendation + "; its code must start with "
                        + recommendation + ".");
            } else if (Integer.parseInt(m.group(2)) != position) {
                problems.add("action " + code + " is in position " + position + " of R" + recommendation
                        + "; actions must run " + recommendation + ".1, " + recommendation + ".2, … in order");
            }
            blank(a.title(), "title of action " + code);
            List<StakeholderGroup> groups = new ArrayList<>();
            if (a.stakeholderGroups() == null || a.stakeholderGroups().isEmpty()) {
                problems.add("action " + code + " names no stakeholder group");
            } else {
                for (String g : a.stakeholderGroups()) {
                    StakeholderGroup group = parse(StakeholderGroup.class, g, "stakeholder group of action " + code);
                    if (group != null && groups.contains(group)) {
                        problems.add("action " + code + " names stakeholder group " + group + " twice");
                    } else if (group != null) {
                        groups.add(group);
                    }
                }
            }
            List<Question> questions = new ArrayList<>();
            if (a.questions() == null || a.questions().isEmpty()) {
                problems.add("action " + code + " has no questions");
            } else {
                for (int i = 0; i < a.questions().size(); i++) {
                    Question q = question(a.questions().get(i), code, i);
                    if (q != null) {
                        questions.add(q);
                    }
                }
            }
            ChecklistAction action =
                    new ChecklistAction(code, a.title() == null ? "" : a.title(), groups, a.printedMax(), questions);
            boolean complete =
                    a.questions() != null && questions.size() == a.questions().size();
            if (a.printedMax() != null && complete && a.printedMax() != action.maxScore()) {
                problems.add("action " + code + " prints a subtotal of " + a.printedMax() + " but its "
                        + questions.size() + " questions are worth " + action.maxScore());
            }
            return action;
        }

        private @Nullable Question question(InstrumentDocument.@Nullable QuestionDocument q, String action, int index) {
            if (q == null) {
                problems.add("question #" + (index + 1) + " of action " + action + " is empty");
                return null;
            }
            String code = q.code();
            Matcher m = code == null ? null : QUESTION_CODE.matcher(code);
            if (code == null || m == null || !m.matches()) {
                problems.add("question #" + (index + 1) + " of action " + action + " has code " + code + "; expected "
                        + action + ".<letter>");
                return null;
            }
            unique(code);
            if (!m.group(1).equals(action)) {
                problems.add("question " + code + " is listed under action " + action + "; its code must start with "
                        + action + ".");
            } else if (m.group(2).charAt(0) != (char) ('a' + index)) {
                problems.add("question " + code + " is in position " + (index + 1) + " of action " + action
                        + "; questions must run " + action + ".a, " + action + ".b, … in order");
            }
            String text = present(q.text(), "text of question " + code);
            if (text != null && !text.strip().endsWith("?")) {
                problems.add("question " + code + " must be phrased as a question ending with '?'");
            }
            return new Question(code, q.text() == null ? "" : q.text().strip());
        }

        private void unique(String code) {
            if (!codes.add(code)) {
                problems.add("duplicate code " + code);
            }
        }

        private boolean blank(@Nullable String value, String what) {
            if (value == null || value.isBlank()) {
                problems.add(what + " is empty");
                return true;
            }
            return false;
        }

        /** The value, or null (a problem recorded) if it is missing or blank. */
        private @Nullable String present(@Nullable String value, String what) {
            return blank(value, what) ? null : value;
        }

        private <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String what) {
            if (value == null || value.isBlank()) {
                problems.add(what + " is empty");
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                problems.add(what + " is " + value + "; expected one of " + List.of(type.getEnumConstants()));
                return null;
            }
        }
    }
}
