package org.arrival.web.rounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.assessments.AssessmentsApi.Checklist;
import org.arrival.web.api.assessments.AssessmentsApi.Comparison;
import org.arrival.web.api.assessments.AssessmentsApi.Round;
import org.arrival.web.api.assessments.AssessmentsApi.Score;
import org.arrival.web.api.assessments.AssessmentsApi.Scores;
import org.arrival.web.api.registry.OrganisationNames;
import org.arrival.web.charts.BarChart;
import org.arrival.web.charts.Figure;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A round's consolidated scores per recommendation, action and question, where respondents diverge, and, once
 * published, how it compares with the place's previous published round. Every chart has its numbers beside its bars.
 */
@Controller
public class ScorePages {

    private final AssessmentsApi assessments;
    private final OrganisationNames names;

    public ScorePages(AssessmentsApi assessments, OrganisationNames names) {
        this.assessments = assessments;
        this.names = names;
    }

    public record ScoresView(
            Round round,
            Scores scores,
            Map<String, String> texts,
            Map<UUID, String> respondents,
            BarChart chart,
            @Nullable Round previous,
            @Nullable Comparison comparison,
            @Nullable BarChart comparisonChart) {}

    @GetMapping("/rounds/{roundId}/scores")
    public String scores(@PathVariable UUID roundId, @ModelAttribute("page") Page view, Model model) {
        Round round = assessments.round(roundId);
        Scores scores = assessments.scores(roundId);
        Checklist checklist = assessments.checklist();
        Map<String, String> texts = new LinkedHashMap<>();
        checklist.recommendations().forEach(r -> {
            texts.put(r.code(), r.title());
            r.actions().forEach(a -> {
                texts.put(a.code(), a.title());
                a.questions().forEach(q -> texts.put(q.code(), q.text()));
            });
        });
        Round previous = previous(round);
        Comparison comparison = null;
        if (previous != null) {
            try {
                comparison = assessments.compare(previous.id(), round.id());
            } catch (ServiceProblem notComparable) {
                if (!notComparable.invalidInput() && !notComparable.forbidden() && !notComparable.notFound()) {
                    throw notComparable;
                }
            }
        }
        model.addAttribute(
                "scoresView",
                new ScoresView(
                        round,
                        scores,
                        texts,
                        names.of(round.respondentIds()),
                        recommendations(view, scores),
                        previous,
                        comparison,
                        comparison == null ? null : compared(view, comparison)));
        return "rounds/scores";
    }

    /** The latest published round of the same place created before this one, if this one is published. */
    private @Nullable Round previous(Round round) {
        if (!"PUBLISHED".equals(round.status())
                || round.createdAt() == null
                || round.jurisdiction().country() == null) {
            return null;
        }
        return assessments
                .publishedRoundsAt(
                        round.jurisdiction().country(), round.jurisdiction().subdivision())
                .stream()
                .filter(r -> !r.id().equals(round.id())
                        && r.createdAt() != null
                        && r.createdAt().isBefore(round.createdAt())
                        && Objects.equals(
                                r.jurisdiction().areaCode(),
                                round.jurisdiction().areaCode()))
                .max(Comparator.comparing(Round::createdAt))
                .orElse(null);
    }

    /** A score as people read it: "12 of 20 (60 %)", or "not assessed". */
    public static String shown(Page page, Score s) {
        if (s.share() == null) {
            return page.t("scores.notAssessed");
        }
        return page.t(
                "scores.points",
                "points",
                page.format().number(s.points()),
                "max",
                page.format().number(s.assessedMax()),
                "share",
                page.format().percent(s.share() * 100));
    }

    static BarChart recommendations(Page page, Scores scores) {
        List<BarChart.Item> items = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (var r : scores.recommendations()) {
            Score s = r.score();
            double value = s.share() == null ? 0 : s.share() * 100;
            String text = shown(page, s);
            items.add(new BarChart.Item(
                    r.code(), value, s.share() == null ? "–" : page.format().percent(value)));
            rows.add(List.of(
                    r.code(),
                    page.format().number(s.points()),
                    page.format().number(s.assessedMax()),
                    page.format().number(s.max()),
                    page.t("scores.coverage", "assessed", s.questionsAssessed(), "questions", s.questions()),
                    s.share() == null ? "–" : page.format().percent(value)));
            described.add(r.code() + ": " + text);
        }
        Figure figure = new Figure(
                "recommendations-chart",
                page.t("scores.chart.caption"),
                String.join("; ", described),
                List.of(
                        page.t("scores.recommendation"),
                        page.t("scores.points.column"),
                        page.t("scores.assessedMax"),
                        page.t("scores.max"),
                        page.t("scores.coverage.column"),
                        page.t("scores.share")),
                rows);
        return BarChart.of(figure, items);
    }

    static BarChart compared(Page page, Comparison c) {
        List<BarChart.Item> items = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> described = new ArrayList<>();
        List<AssessmentsApi.Delta> all = new ArrayList<>(c.recommendations());
        for (var d : all) {
            String code = d.code() == null ? page.t("scores.overall") : d.code();
            boolean comparable = d.delta() != null && d.comparedMax() > 0;
            double toShare = comparable ? d.toPoints() * 100 / d.comparedMax() : 0;
            String fromText = comparable ? page.format().percent(d.fromPoints() * 100 / d.comparedMax()) : "–";
            String toText = comparable ? page.format().percent(toShare) : "–";
            String trend = page.t("scores.trend." + d.trend());
            items.add(new BarChart.Item(code, toShare, comparable ? fromText + " → " + toText : trend));
            rows.add(List.of(
                    code,
                    page.format().number(d.questionsCompared()),
                    fromText,
                    toText,
                    d.delta() == null ? "–" : page.format().number(d.delta()),
                    trend));
            described.add(code + ": " + (comparable ? fromText + " → " + toText + ", " + trend : trend));
        }
        Figure figure = new Figure(
                "comparison-chart",
                page.t("scores.comparison.caption"),
                String.join("; ", described),
                List.of(
                        page.t("scores.recommendation"),
                        page.t("scores.compared"),
                        page.t("scores.before"),
                        page.t("scores.now"),
                        page.t("scores.delta"),
                        page.t("scores.trend")),
                rows);
        return BarChart.of(figure, items);
    }
}
