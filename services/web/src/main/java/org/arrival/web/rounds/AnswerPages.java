package org.arrival.web.rounds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.assessments.AssessmentsApi.Checklist;
import org.arrival.web.api.assessments.AssessmentsApi.ChecklistAction;
import org.arrival.web.api.assessments.AssessmentsApi.ChecklistQuestion;
import org.arrival.web.api.assessments.AssessmentsApi.ChecklistRecommendation;
import org.arrival.web.api.assessments.AssessmentsApi.GivenAnswer;
import org.arrival.web.api.assessments.AssessmentsApi.Response;
import org.arrival.web.api.assessments.AssessmentsApi.Round;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.FormResult;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A respondent answers the checklist one recommendation a page. Saving a page sends every answer the organisation
 * has given (the service replaces them as a whole) with the ETag of the answers the page was opened on, so answers
 * someone else saved meanwhile are never overwritten: the page comes back with what the person chose and the new
 * ETag, and saving again applies it. A question left "not assessed" is not sent.
 */
@Controller
public class AnswerPages {

    static final String ETAG = "etag";
    static final List<String> ANSWERS = List.of("Y", "S", "N");
    private static final Pattern SENT_FIELD = Pattern.compile("^answers\\[(\\d+)]\\.(answer|evidence|question)$");

    private final AssessmentsApi assessments;

    public AnswerPages(AssessmentsApi assessments) {
        this.assessments = assessments;
    }

    /** How far the respondent is in one recommendation. */
    public record Progress(String code, String title, int answered, int questions) {}

    public record AnswerView(
            Round round,
            ChecklistRecommendation recommendation,
            @Nullable String previous,
            @Nullable String next,
            List<Progress> progress,
            int answered,
            int questions,
            FormResult form) {}

    /** Resumes where the respondent left off: the first recommendation with a question not answered yet. */
    @GetMapping("/rounds/{roundId}/answers")
    public String resume(@PathVariable UUID roundId, @ModelAttribute("page") Page view) {
        UUID respondent = respondent(view, assessments.round(roundId));
        Checklist checklist = assessments.checklist();
        Map<String, GivenAnswer> given = byQuestion(assessments.response(roundId, respondent));
        String code = checklist.recommendations().getFirst().code();
        for (ChecklistRecommendation r : checklist.recommendations()) {
            if (questions(r).stream().anyMatch(q -> !given.containsKey(q.code()))) {
                code = r.code();
                break;
            }
        }
        return "redirect:/rounds/" + roundId + "/answers/" + code;
    }

    @GetMapping("/rounds/{roundId}/answers/{code}")
    public String page(
            @PathVariable UUID roundId, @PathVariable String code, @ModelAttribute("page") Page view, Model model) {
        Round round = assessments.round(roundId);
        UUID respondent = respondent(view, round);
        Checklist checklist = assessments.checklist();
        ChecklistRecommendation recommendation = recommendation(checklist, code);
        Response response = assessments.response(roundId, respondent);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, GivenAnswer> given = byQuestion(response);
        for (ChecklistQuestion q : questions(recommendation)) {
            GivenAnswer a = given.get(q.code());
            values.put(answerField(q.code()), a == null ? "" : a.answer());
            values.put(evidenceField(q.code()), a == null || a.evidence() == null ? "" : a.evidence());
        }
        values.put(ETAG, response.etag() == null ? "" : response.etag());
        return show(model, round, checklist, recommendation, response, FormResult.of(values));
    }

    @PostMapping("/rounds/{roundId}/answers/{code}")
    public String save(
            @PathVariable UUID roundId,
            @PathVariable String code,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page view,
            Model model,
            RedirectAttributes redirect) {
        Round round = assessments.round(roundId);
        UUID respondent = respondent(view, round);
        Checklist checklist = assessments.checklist();
        ChecklistRecommendation recommendation = recommendation(checklist, code);
        List<ChecklistQuestion> here = questions(recommendation);
        Map<String, String> typed = new LinkedHashMap<>();
        for (ChecklistQuestion q : here) {
            String answer = first(sent, answerField(q.code()));
            typed.put(answerField(q.code()), ANSWERS.contains(answer) ? answer : "");
            typed.put(evidenceField(q.code()), first(sent, evidenceField(q.code())));
        }
        String etag = first(sent, ETAG);
        typed.put(ETAG, etag);
        // a note on a question left not assessed would be lost: asked for its answer first
        List<ServiceProblem.FieldError> unanswered = here.stream()
                .filter(q -> typed.getOrDefault(answerField(q.code()), "").isEmpty()
                        && !typed.getOrDefault(evidenceField(q.code()), "").isBlank())
                .map(q -> new ServiceProblem.FieldError(answerField(q.code()), view.t("answers.noteNeedsAnswer")))
                .toList();
        if (!unanswered.isEmpty()) {
            Response saved = assessments.response(roundId, respondent);
            FormResult refused = FormResult.refused(
                    typed,
                    typed.keySet(),
                    new ServiceProblem(Service.ASSESSMENTS, 400, null, null, unanswered),
                    e -> e.message() == null ? "" : e.message());
            return show(model, round, checklist, recommendation, saved, refused);
        }

        // the other recommendations' answers as saved, this page's as chosen
        Response saved = assessments.response(roundId, respondent);
        Set<String> codesHere = new java.util.HashSet<>(
                here.stream().map(ChecklistQuestion::code).toList());
        List<GivenAnswer> answers = new ArrayList<>(saved.answers().stream()
                .filter(a -> !codesHere.contains(a.question()))
                .toList());
        for (ChecklistQuestion q : here) {
            String answer = typed.get(answerField(q.code()));
            if (answer != null && !answer.isEmpty()) {
                String evidence = typed.get(evidenceField(q.code()));
                answers.add(new GivenAnswer(
                        q.code(), answer, evidence == null || evidence.isBlank() ? null : evidence.strip()));
            }
        }
        List<String> fields = new ArrayList<>(typed.keySet());
        Response[] after = new Response[1];
        FormResult refused = FormResult.submit(typed, Set.copyOf(fields), view::fieldError, () -> {
            try {
                after[0] = assessments.submitAnswers(roundId, respondent, etag.isBlank() ? null : etag, answers);
            } catch (ServiceProblem problem) {
                throw atQuestions(problem, answers);
            }
        });
        if (refused != null) {
            Response now = saved;
            if (refused.conflict()) {
                now = assessments.response(roundId, respondent);
                // saving again applies the person's choices to the answers as they are now
                refused.values().put(ETAG, now.etag() == null ? "" : now.etag());
            }
            return show(model, round, checklist, recommendation, now, refused);
        }
        redirect.addFlashAttribute(
                "notice", view.t("answers.saved", "answered", after[0].answered(), "questions", after[0].questions()));
        String go = first(sent, "go");
        List<ChecklistRecommendation> all = checklist.recommendations();
        int index = all.indexOf(recommendation);
        String target = code;
        if ("next".equals(go) && index + 1 < all.size()) {
            target = all.get(index + 1).code();
        } else if ("previous".equals(go) && index > 0) {
            target = all.get(index - 1).code();
        }
        return "redirect:/rounds/" + roundId + "/answers/" + target;
    }

    private String show(
            Model model,
            Round round,
            Checklist checklist,
            ChecklistRecommendation recommendation,
            Response response,
            FormResult form) {
        Map<String, GivenAnswer> given = byQuestion(response);
        List<Progress> progress = checklist.recommendations().stream()
                .map(r -> new Progress(
                        r.code(),
                        r.title(),
                        (int) questions(r).stream()
                                .filter(q -> given.containsKey(q.code()))
                                .count(),
                        questions(r).size()))
                .toList();
        List<ChecklistRecommendation> all = checklist.recommendations();
        int index = all.indexOf(recommendation);
        model.addAttribute(
                "answerView",
                new AnswerView(
                        round,
                        recommendation,
                        index > 0 ? all.get(index - 1).code() : null,
                        index + 1 < all.size() ? all.get(index + 1).code() : null,
                        progress,
                        given.size(),
                        response.questions() > 0
                                ? response.questions()
                                : progress.stream()
                                        .mapToInt(Progress::questions)
                                        .sum(),
                        form));
        return "rounds/answers";
    }

    /** A refusal of {@code answers[3].evidence} is shown at that question's evidence note. */
    private static ServiceProblem atQuestions(ServiceProblem problem, List<GivenAnswer> sent) {
        List<ServiceProblem.FieldError> errors = problem.errors().stream()
                .map(e -> {
                    Matcher m = SENT_FIELD.matcher(e.field() == null ? "" : e.field());
                    if (!m.matches() || Integer.parseInt(m.group(1)) >= sent.size()) {
                        return e;
                    }
                    String question = sent.get(Integer.parseInt(m.group(1))).question();
                    String field = "evidence".equals(m.group(2)) ? evidenceField(question) : answerField(question);
                    return new ServiceProblem.FieldError(field, e.message(), e.code(), e.parameters());
                })
                .toList();
        return new ServiceProblem(problem.service(), problem.status(), problem.title(), problem.detail(), errors);
    }

    /** The organisation the person answers for: a respondent of the open round, and an editor of it. */
    private static UUID respondent(Page view, Round round) {
        SignedInUser user = view.signedInUser();
        UUID organisation = user.organisationId();
        if (organisation == null
                || !round.respondentIds().contains(organisation)
                || !user.editsForOrganisation()
                || !"OPEN".equals(round.status())) {
            throw new ServiceProblem(Service.ASSESSMENTS, 403, null, null, List.of());
        }
        return organisation;
    }

    static ChecklistRecommendation recommendation(Checklist checklist, String code) {
        return checklist.recommendations().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.ASSESSMENTS, 404, null, null, List.of()));
    }

    static List<ChecklistQuestion> questions(ChecklistRecommendation r) {
        return r.actions().stream()
                .map(ChecklistAction::questions)
                .flatMap(List::stream)
                .toList();
    }

    private static Map<String, GivenAnswer> byQuestion(Response response) {
        Map<String, GivenAnswer> given = new LinkedHashMap<>();
        response.answers().forEach(a -> given.put(a.question(), a));
        return given;
    }

    public static String answerField(String question) {
        return "answer." + question;
    }

    public static String evidenceField(String question) {
        return "evidence." + question;
    }

    private static String first(MultiValueMap<String, String> sent, String field) {
        String value = sent.getFirst(field);
        return value == null ? "" : value;
    }
}
