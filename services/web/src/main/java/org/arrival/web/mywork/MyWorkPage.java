package org.arrival.web.mywork;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.Contribution;
import org.arrival.web.api.actionplans.ActionPlansApi.Reporting;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.decisions.OpenAssignments;
import org.arrival.web.flags.FlagView;
import org.arrival.web.layout.Page;
import org.arrival.web.mywork.MyWork.RecordLink;
import org.arrival.web.progress.ProgressReportPage;
import org.arrival.web.signin.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * My work, the home page after sign-in: what the person's organisation is expected to do and what concerns it
 * ({@link MyWork}), from the services' answers with the person's own token, so it shows only what they may see.
 * Lateness comes from the action-plans service's reporting standing, which derives it from the due dates and today.
 */
@Controller
public class MyWorkPage {

    /** The newest contributions read per action, and inputs about needs read in all. */
    static final int RECENT = 30;

    private final ActionPlansApi actions;
    private final AssessmentsApi assessments;
    private final ForumApi forums;
    private final RegistryApi registry;
    private final Visits visits;
    private final OpenAssignments assignments;

    public MyWorkPage(
            ActionPlansApi actions,
            AssessmentsApi assessments,
            ForumApi forums,
            RegistryApi registry,
            Visits visits,
            OpenAssignments assignments) {
        this.actions = actions;
        this.assessments = assessments;
        this.forums = forums;
        this.registry = registry;
        this.visits = visits;
        this.assignments = assignments;
    }

    @GetMapping("/")
    public String myWork(@ModelAttribute("page") Page page, Model model, HttpSession session) {
        List<ForumSummary> myForums = forums.myForums();
        SignedInUser user = page.user();
        UUID organisation = user == null ? null : user.organisationId();
        model.addAttribute("published", model.getAttribute(ProgressReportPage.PUBLISHED));
        if (organisation == null) {
            model.addAttribute("work", null);
            model.addAttribute("forums", myForums);
            model.addAttribute("since", null);
            return "mywork/myWork";
        }
        Visits.Since since =
                visits.open(Objects.requireNonNull(user, "has an organisation").subject(), session);
        List<Action> own = actions.actionsOf(organisation);
        Map<UUID, Reporting> reporting = new LinkedHashMap<>();
        Map<UUID, List<Contribution>> contributions = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (Action a : own) {
            if (!MyWork.ENDED.contains(a.status())) {
                Reporting r = actions.reporting(a.id());
                reporting.put(a.id(), r);
                if (r.asOf() != null) {
                    today = r.asOf();
                }
            }
            if (!"CANCELLED".equals(a.status())) {
                contributions.put(a.id(), actions.contributions(a.id(), RECENT));
            }
        }
        var needs = assessments.needsOf(organisation).stream()
                .filter(n -> organisation.equals(n.ownerId()))
                .toList();
        var inputs = needs.isEmpty() ? List.<AssessmentsApi.Input>of() : assessments.inputsAboutNeeds(RECENT);
        // only the waiting flags naming the organisation (itself, its actions or its needs), not all of the forum's
        ForumApi.FlagQuery ours = ForumApi.FlagQuery.WAITING.naming(organisation);
        Map<UUID, List<Flag>> flags = new LinkedHashMap<>();
        for (ForumSummary f : myForums) {
            flags.put(f.forumId(), forums.allFlags(f.forumId(), ours));
        }
        Map<UUID, Optional<String>> names = new HashMap<>();
        Map<UUID, Optional<RecordLink>> others = new HashMap<>();
        MyWork work = MyWork.of(
                organisation,
                today,
                own,
                reporting,
                contributions,
                needs,
                inputs,
                myForums,
                flags,
                id -> names.computeIfAbsent(id, this::organisationName).orElse(null),
                (flag, id) ->
                        others.computeIfAbsent(id, k -> otherRecord(flag, k)).orElse(null),
                since);
        model.addAttribute("work", work);
        model.addAttribute("forums", myForums);
        model.addAttribute("since", since);
        model.addAttribute("assignments", assignments.of(organisation));
        model.addAttribute("today", today);
        return "mywork/myWork";
    }

    private Optional<String> organisationName(UUID id) {
        try {
            return Optional.ofNullable(registry.organisation(id)).map(RegistryApi.Organisation::name);
        } catch (ServiceProblem e) {
            return Optional.empty();
        }
    }

    /**
     * Another organisation's record a flag names, as the person may see it (the flag is shown only if they may): as
     * the flag's parameters name it (kind and title), else asked of its service by what the check names.
     */
    private Optional<RecordLink> otherRecord(Flag flag, UUID id) {
        if (flag.parameters() != null) {
            for (ForumApi.FlaggedRecord r : flag.parameters().records()) {
                if (r != null && id.equals(r.recordId()) && r.title() != null) {
                    String href = FlagView.href(String.valueOf(r.kind()), id);
                    return href == null || "ORGANISATION".equals(r.kind())
                            ? Optional.empty()
                            : Optional.of(new RecordLink(r.title(), href));
                }
            }
        }
        try {
            return switch (flag.checkCode()) {
                case "NEED_WITHOUT_ACTION" ->
                    Optional.of(new RecordLink(assessments.need(id).statement(), "/needs/" + id));
                case "GAP_WITHOUT_ACTION" -> Optional.empty();
                default -> Optional.of(new RecordLink(actions.action(id).title(), "/actions/" + id));
            };
        } catch (ServiceProblem e) {
            return Optional.empty(); // an organisation the flag names, or a record no longer shown
        }
    }
}
