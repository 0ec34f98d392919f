package org.arrival.web.forumrunning;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.registry.OrganisationNames;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.api.registry.RegistryApi.ForumRecord;
import org.arrival.web.api.registry.RegistryApi.Membership;
import org.arrival.web.api.registry.RegistryApi.Organisation;
import org.arrival.web.api.registry.RegistryApi.Revision;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;
import org.arrival.web.problems.FormResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A forum's seats: who sits in it with which role (ended memberships on request); its chair and secretariat find an
 * organisation by name and seat it, change a member's role and end a membership, each at the version read. And the
 * forum's history: every change of its profile and of its memberships, who made it, when and why.
 */
@Controller
public class ForumMembersPage {

    /** The roles a forum's chair gives, in the order offered. */
    static final List<String> ROLES = List.of(
            "CHAIR",
            "CO_CHAIR",
            "SECRETARIAT",
            "MEMBER",
            "OBSERVER",
            "ELECTED_MIGRANT_REPRESENTATIVE",
            "ELECTED_OFFICIAL",
            "TECHNICAL_ADVISER");

    private final RegistryApi registry;
    private final OrganisationNames names;

    public ForumMembersPage(RegistryApi registry, OrganisationNames names) {
        this.registry = registry;
        this.names = names;
    }

    @GetMapping("/forums/{forumId}/members")
    public String members(
            @PathVariable UUID forumId,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false, defaultValue = "false") boolean ended,
            @ModelAttribute("page") Page page,
            Model model) {
        return show(model, page, forumId, q, ended, FormResult.empty());
    }

    @PostMapping("/forums/{forumId}/members")
    public String seat(
            @PathVariable UUID forumId,
            @RequestParam(required = false) @Nullable String stakeholderId,
            @RequestParam(required = false) @Nullable String seat,
            @RequestParam(required = false) @Nullable String q,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed =
                Map.of("stakeholderId", stakeholderId == null ? "" : stakeholderId, "seat", seat == null ? "" : seat);
        UUID org = uuid(stakeholderId);
        if (org == null || seat == null || !ROLES.contains(seat)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(
                    model,
                    page,
                    forumId,
                    q,
                    false,
                    FormResult.refused(typed, Set.of("seat"), invalid(org == null ? "stakeholderId" : "seat", page)));
        }
        return act(
                page,
                model,
                redirect,
                response,
                forumId,
                q,
                typed,
                "running.seated",
                () -> registry.grant(forumId, org, seat));
    }

    @PostMapping("/forums/{forumId}/members/{membershipId}/seat")
    public String changeSeat(
            @PathVariable UUID forumId,
            @PathVariable UUID membershipId,
            @RequestParam(required = false) @Nullable String seat,
            @RequestParam(required = false) @Nullable String version,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Membership m = membership(forumId, membershipId);
        Map<String, String> typed = Map.of("seat", seat == null ? "" : seat);
        if (seat == null || !ROLES.contains(seat)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(
                    model,
                    page,
                    forumId,
                    null,
                    false,
                    FormResult.refused(typed, Set.of("seat"), invalid("seat", page)));
        }
        return act(
                page,
                model,
                redirect,
                response,
                forumId,
                null,
                typed,
                "running.seatChanged",
                () -> registry.changeSeat(forumId, m, version(version, m), seat));
    }

    @PostMapping("/forums/{forumId}/members/{membershipId}/end")
    public String end(
            @PathVariable UUID forumId,
            @PathVariable UUID membershipId,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String version,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Membership m = membership(forumId, membershipId);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return act(
                page,
                model,
                redirect,
                response,
                forumId,
                null,
                Map.of("reason", reason == null ? "" : reason),
                "running.ended",
                () -> registry.endMembership(forumId, membershipId, version(version, m), why));
    }

    @GetMapping("/forums/{forumId}/history")
    public String history(
            @PathVariable UUID forumId, @ModelAttribute("page") Page page, Model model, HttpServletResponse response) {
        ForumRecord forum = registry.forum(forumId);
        List<HistoryEntry> entries = new ArrayList<>();
        try {
            registry.forumHistory(forumId).forEach(r -> entries.add(new HistoryEntry(r, null, null)));
            List<Membership> all = registry.memberships(forumId, true);
            Map<UUID, String> orgNames =
                    names.of(all.stream().map(Membership::stakeholderId).toList());
            for (Membership m : all) {
                registry.membershipHistory(forumId, m.id())
                        .forEach(r -> entries.add(new HistoryEntry(r, m, orgNames.get(m.stakeholderId()))));
            }
        } catch (ServiceProblem problem) {
            if (!problem.forbidden()) {
                throw problem;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("refused", page.t("running.history.refused"));
        }
        entries.sort(Comparator.comparing((HistoryEntry e) -> e.revision().at()).reversed());
        Map<UUID, String> actors = names.of(entries.stream()
                .map(e -> uuid(e.revision().organisationId()))
                .filter(java.util.Objects::nonNull)
                .toList());
        model.addAttribute("forum", forum);
        model.addAttribute("entries", entries);
        model.addAttribute("actors", actors);
        return "forumrunning/history";
    }

    /** A change of the forum ({@code membership} null) or of one of its memberships, and whose seat it is. */
    public record HistoryEntry(
            Revision revision,
            @Nullable Membership membership,
            @Nullable String organisation) {

        public @Nullable UUID actorOrganisation() {
            return uuid(revision.organisationId());
        }
    }

    private String act(
            Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            UUID forumId,
            @Nullable String q,
            Map<String, String> typed,
            String done,
            Runnable call) {
        FormResult refused;
        try {
            refused = FormResult.submit(typed, Set.of("seat", "reason"), call);
        } catch (ServiceProblem problem) {
            if (!problem.forbidden()) {
                throw problem;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("refused", page.t("running.refused"));
            return show(model, page, forumId, q, false, FormResult.of(typed));
        }
        if (refused == null) {
            redirect.addFlashAttribute("notice", page.t(done));
            return "redirect:/forums/" + forumId + "/members";
        }
        response.setStatus(
                refused.conflict() ? HttpStatus.PRECONDITION_FAILED.value() : HttpStatus.BAD_REQUEST.value());
        return show(model, page, forumId, q, false, refused);
    }

    private String show(Model model, Page page, UUID forumId, @Nullable String q, boolean ended, FormResult form) {
        ForumRecord forum = registry.forum(forumId);
        List<Membership> memberships = registry.memberships(forumId, ended);
        Map<UUID, String> orgNames =
                names.of(memberships.stream().map(Membership::stakeholderId).toList());
        String words = q == null ? "" : q.strip();
        List<Organisation> found = words.isEmpty() ? List.of() : registry.findOrganisations(words);
        Set<UUID> seated = new java.util.HashSet<>();
        memberships.stream().filter(m -> "ACTIVE".equals(m.status())).forEach(m -> seated.add(m.stakeholderId()));
        model.addAttribute("forum", forum);
        model.addAttribute(
                "members",
                new MembersView(
                        forum,
                        memberships,
                        orgNames,
                        words,
                        found.stream().filter(o -> !seated.contains(o.id())).toList(),
                        ended,
                        ForumProfilePage.mayRun(page),
                        form,
                        ROLES.stream()
                                .map(r -> new Choice(r, page.label("SeatType", r)))
                                .toList()));
        return "forumrunning/members";
    }

    /** The forum's memberships and, for those who run it, the organisations found to seat. */
    public record MembersView(
            ForumRecord forum,
            List<Membership> memberships,
            Map<UUID, String> names,
            String q,
            List<Organisation> found,
            boolean ended,
            boolean editable,
            FormResult form,
            List<Choice> roles) {

        public String name(Membership m) {
            return names.getOrDefault(m.stakeholderId(), "");
        }
    }

    private Membership membership(UUID forumId, UUID membershipId) {
        return registry.memberships(forumId, true).stream()
                .filter(m -> membershipId.equals(m.id()))
                .findFirst()
                .orElseThrow(
                        () -> new ServiceProblem(org.arrival.web.api.Service.REGISTRY, 404, null, null, List.of()));
    }

    private static ServiceProblem invalid(String field, Page page) {
        return new ServiceProblem(
                org.arrival.web.api.Service.REGISTRY,
                400,
                null,
                null,
                List.of(new ServiceProblem.FieldError(field, page.t("running.choose." + field))));
    }

    private static long version(@Nullable String version, Membership m) {
        try {
            return version == null ? m.version() : Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return m.version();
        }
    }

    static @Nullable UUID uuid(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
