package org.arrival.web.forumrunning;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.api.registry.RegistryApi.ForumRecord;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;
import org.arrival.web.problems.FormResult;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
 * A forum's profile: every member reads its mandate, sectors, population groups, parent forum and the forums nested
 * in it; its chair and secretariat (the registry says who may) change them with {@code If-Match}. After someone else
 * saved meanwhile (412) the form comes back with what the person typed and the current version.
 */
@Controller
public class ForumProfilePage {

    static final String NAME = "name";
    static final String MANDATE = "thematicScope.mandate";
    static final String SECTORS = "thematicScope.sectors";
    static final String GROUPS = "thematicScope.populationGroups";
    static final String LANGUAGES = "thematicScope.languages";
    static final String PARENT = "parentForumId";
    static final String VERSION = "version";
    static final Set<String> FIELDS = Set.of(NAME, MANDATE, SECTORS, GROUPS, LANGUAGES, PARENT);

    private final RegistryApi registry;
    private final ForumApi forums;

    public ForumProfilePage(RegistryApi registry, ForumApi forums) {
        this.registry = registry;
        this.forums = forums;
    }

    @GetMapping("/forums/{forumId}/profile")
    public String profile(@PathVariable UUID forumId, @ModelAttribute("page") Page page, Model model) {
        ForumRecord forum = registry.forum(forumId);
        return show(model, page, forum, FormResult.of(values(forum)));
    }

    @PostMapping("/forums/{forumId}/profile")
    public String save(
            @PathVariable UUID forumId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of(NAME, MANDATE, LANGUAGES, PARENT, VERSION)) {
            typed.put(field, sent.getFirst(field) == null ? "" : sent.getFirst(field));
        }
        typed.put(SECTORS, String.join(",", sent.getOrDefault(SECTORS, List.of())));
        typed.put(GROUPS, String.join(",", sent.getOrDefault(GROUPS, List.of())));
        ForumRecord read = registry.forum(forumId);
        FormResult refused;
        try {
            refused = FormResult.submit(
                    typed, FIELDS, () -> registry.replaceForum(forumId, version(typed, read), body(read, typed)));
        } catch (ServiceProblem problem) {
            if (!problem.forbidden()) {
                throw problem;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("refused", page.t("running.refused"));
            return show(model, page, read, FormResult.of(typed));
        }
        if (refused == null) {
            redirect.addFlashAttribute("notice", page.t("running.profile.saved"));
            return "redirect:/forums/" + forumId + "/profile";
        }
        ForumRecord now = registry.forum(forumId);
        if (refused.conflict()) {
            refused.values().put(VERSION, String.valueOf(now.version()));
        }
        response.setStatus(
                refused.conflict() ? HttpStatus.PRECONDITION_FAILED.value() : HttpStatus.BAD_REQUEST.value());
        return show(model, page, now, refused);
    }

    private String show(Model model, Page page, ForumRecord forum, FormResult form) {
        List<Choice> parents = new ArrayList<>();
        forums.myForums().stream()
                .filter(f -> !forum.id().equals(f.forumId()))
                .forEach(f -> parents.add(new Choice(f.forumId().toString(), f.name())));
        ForumRecord parent = null;
        UUID parentId = forum.parentForumId();
        if (parentId != null) {
            try {
                parent = registry.forum(parentId);
            } catch (ServiceProblem hidden) {
                if (!hidden.notFound() && !hidden.forbidden()) {
                    throw hidden;
                }
            }
        }
        if (parent != null) {
            String chosen = parent.id().toString();
            if (parents.stream().noneMatch(c -> c.value().equals(chosen))) {
                parents.add(new Choice(chosen, parent.name()));
            }
        }
        model.addAttribute(
                "profile",
                new ProfileView(
                        forum,
                        parent,
                        registry.childForums(forum.id()),
                        mayRun(page),
                        form,
                        Arrays.stream(Sector.values())
                                .map(s -> new Choice(s.name(), page.label("Sector", s.name())))
                                .toList(),
                        Arrays.stream(PopulationGroup.values())
                                .map(g -> new Choice(g.name(), page.label("PopulationGroup", g.name())))
                                .toList(),
                        parents));
        return "forumrunning/profile";
    }

    /** The profile's form values as the forum has them. */
    static Map<String, String> values(ForumRecord forum) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(NAME, forum.name());
        var scope = forum.thematicScope();
        values.put(MANDATE, scope == null || scope.mandate() == null ? "" : scope.mandate());
        values.put(SECTORS, scope == null || scope.sectors() == null ? "" : String.join(",", scope.sectors()));
        values.put(
                GROUPS,
                scope == null || scope.populationGroups() == null ? "" : String.join(",", scope.populationGroups()));
        values.put(LANGUAGES, scope == null || scope.languages() == null ? "" : String.join(", ", scope.languages()));
        values.put(
                PARENT,
                forum.parentForumId() == null ? "" : forum.parentForumId().toString());
        values.put(VERSION, String.valueOf(forum.version()));
        return values;
    }

    /**
     * The registry's forum input: what the person typed over what they did not see (type, place, convenor, chair,
     * secretariat) as the forum has them. A parent that is no forum id goes as typed, for the registry to refuse.
     */
    static Map<String, Object> body(ForumRecord forum, Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", typed.get(NAME));
        body.put("type", forum.type());
        body.put("geographicScope", forum.geographicScope());
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("sectors", list(typed.get(SECTORS)));
        scope.put("populationGroups", list(typed.get(GROUPS)));
        String mandate = typed.get(MANDATE);
        scope.put("mandate", mandate == null || mandate.isBlank() ? null : mandate.strip());
        String languages = typed.get(LANGUAGES);
        scope.put(
                "languages",
                languages == null
                        ? List.of()
                        : Arrays.stream(languages.split("[,\\s]+"))
                                .filter(l -> !l.isBlank())
                                .toList());
        body.put("thematicScope", scope);
        body.put("convenorId", forum.convenorId());
        body.put("chairId", forum.chairId());
        body.put("secretariatId", forum.secretariatId());
        String parent = typed.get(PARENT);
        body.put("parentForumId", parent == null || parent.isBlank() ? null : parent.strip());
        return body;
    }

    private static List<String> list(@Nullable String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
    }

    private static long version(Map<String, String> typed, ForumRecord read) {
        try {
            return Long.parseLong(typed.getOrDefault(VERSION, "").strip());
        } catch (NumberFormatException e) {
            return read.version();
        }
    }

    /** The forum's chair and secretariat act with the coordinator role (the registry says for which forum). */
    static boolean mayRun(Page page) {
        SignedInUser user = page.signedInUser();
        return user.has(SignedInUser.FORUM_COORDINATOR) || user.platformAdmin();
    }

    /** The profile as the page shows it, and the form for those who may change it. */
    public record ProfileView(
            ForumRecord forum,
            @Nullable ForumRecord parent,
            List<ForumRecord> children,
            boolean editable,
            FormResult form,
            List<Choice> sectors,
            List<Choice> groups,
            List<Choice> parents) {

        public boolean chosen(String field, String value) {
            return List.of(form.value(field).split(",")).contains(value);
        }
    }
}
