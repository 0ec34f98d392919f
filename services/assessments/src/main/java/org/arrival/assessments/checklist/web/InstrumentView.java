package org.arrival.assessments.checklist.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.checklist.domain.ChecklistAction;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.assessments.checklist.domain.Question;
import org.arrival.assessments.checklist.domain.Recommendation;
import org.arrival.assessments.checklist.domain.StakeholderGroup;
import org.arrival.assessments.checklist.domain.Theme;
import org.jspecify.annotations.Nullable;

/** A checklist version as the API shows it: recommendations, actions and questions, each with its maximum score. */
public record InstrumentView(
        String id,
        int version,
        String title,
        SourceView source,
        Map<String, Integer> scoring,
        int maxScore,
        List<RecommendationView> recommendations) {

    public static InstrumentView of(Instrument instrument) {
        Map<String, Integer> scoring = new LinkedHashMap<>();
        Arrays.stream(Answer.values()).forEach(a -> scoring.put(a.name(), a.points()));
        return new InstrumentView(
                instrument.id(),
                instrument.version(),
                instrument.title(),
                new SourceView(
                        instrument.source().author(),
                        instrument.source().year(),
                        instrument.source().title(),
                        instrument.source().reference(),
                        instrument.source().text()),
                scoring,
                instrument.maxScore(),
                instrument.recommendations().stream()
                        .map(RecommendationView::of)
                        .toList());
    }

    public record SourceView(String author, int year, String title, String reference, String citation) {}

    public record RecommendationView(
            String code,
            int number,
            String title,
            Theme theme,
            String themeLabel,
            @Nullable Integer printedTotal,
            int maxScore,
            List<ActionView> actions) {

        static RecommendationView of(Recommendation r) {
            return new RecommendationView(
                    r.code(),
                    r.number(),
                    r.title(),
                    r.theme(),
                    r.theme().label(),
                    r.printedTotal(),
                    r.maxScore(),
                    r.actions().stream().map(ActionView::of).toList());
        }
    }

    public record ActionView(
            String code,
            String title,
            List<StakeholderGroup> stakeholderGroups,
            @Nullable Integer printedMax,
            int maxScore,
            List<QuestionView> questions) {

        static ActionView of(ChecklistAction a) {
            return new ActionView(
                    a.code(),
                    a.title(),
                    a.stakeholderGroups(),
                    a.printedMax(),
                    a.maxScore(),
                    a.questions().stream().map(QuestionView::of).toList());
        }
    }

    public record QuestionView(String code, String text, int maxScore) {

        static QuestionView of(Question q) {
            return new QuestionView(q.code(), q.text(), q.maxScore());
        }
    }
}
