package org.arrival.web.notifications;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.arrival.contracts.common.Sector;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.api.notifications.NotificationsApi;
import org.arrival.web.api.notifications.NotificationsApi.Subscription;
import org.arrival.web.api.notifications.NotificationsApi.Webhook;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.api.registry.RegistryApi.Organisation;
import org.arrival.web.layout.Languages;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.FormResult;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My subscriptions: what I (or, as an administrator, my organisation) want to be told about and how. A filter names
 * forums, organisations, sectors, areas, records and event types, each chosen by its name in the reader's language;
 * the channel is the inbox, e-mail (at once or in a daily digest, written in the language chosen, the reader's by
 * default) or, for administrators, one of the organisation's webhooks. Editing and ending send the version read
 * ({@code If-Match}); when someone changed the subscription meanwhile, the form shows it as it is now and keeps what
 * the person typed.
 */
@Controller
public class SubscriptionPages {

    static final String LIST = "/notifications/subscriptions";

    private final NotificationsApi notifications;
    private final ForumApi forums;
    private final RegistryApi registry;
    private final Languages languages;

    public SubscriptionPages(
            NotificationsApi notifications, ForumApi forums, RegistryApi registry, Languages languages) {
        this.notifications = notifications;
        this.forums = forums;
        this.registry = registry;
        this.languages = languages;
    }

    /** A subscription as the list describes it: each part of its filter by name. */
    public record SubscriptionRow(Subscription subscription, List<Facet> filter) {}

    /** One part of a filter: its heading and the names it holds. */
    public record Facet(String label, List<String> names) {}

    @GetMapping(LIST)
    public String list(
            @RequestParam(required = false) @Nullable String done,
            @RequestParam(required = false) @Nullable UUID stale,
            @ModelAttribute("page") Page page,
            Model model) {
        Choices names = choices(page, false);
        model.addAttribute(
                "subscriptions",
                notifications.subscriptions().stream()
                        .map(s -> new SubscriptionRow(s, describe(page, s, names)))
                        .toList());
        model.addAttribute("done", "saved".equals(done) || "ended".equals(done) ? done : null);
        model.addAttribute("stale", stale);
        return "notifications/subscriptions";
    }

    @GetMapping(LIST + "/new")
    public String create(@ModelAttribute("page") Page page, @AuthenticationPrincipal OidcUser user, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(SubscriptionForm.SCOPE, "USER");
        values.put(SubscriptionForm.CHANNEL, "IN_APP");
        values.put(SubscriptionForm.FREQUENCY, "IMMEDIATE");
        values.put(SubscriptionForm.LANGUAGE, page.locale().getLanguage());
        values.put(SubscriptionForm.ADDRESS, user == null || user.getEmail() == null ? "" : user.getEmail());
        return form(page, FormResult.of(values), null, null, model);
    }

    @PostMapping(LIST)
    public String subscribe(HttpServletRequest request, @ModelAttribute("page") Page page, Model model) {
        Map<String, String> typed = SubscriptionForm.typed(request);
        FormResult refused = FormResult.submit(
                typed, SubscriptionForm.FIELDS, () -> notifications.subscribe(SubscriptionForm.input(typed)));
        if (refused != null) {
            return form(page, refused, null, null, model);
        }
        return "redirect:" + LIST + "?done=saved";
    }

    @GetMapping(LIST + "/{id}/edit")
    public String edit(@PathVariable UUID id, @ModelAttribute("page") Page page, Model model) {
        Subscription s = notifications.subscription(id);
        return form(page, FormResult.of(SubscriptionForm.values(s)), s, null, model);
    }

    @PostMapping(LIST + "/{id}")
    public String replace(
            @PathVariable UUID id, HttpServletRequest request, @ModelAttribute("page") Page page, Model model) {
        Map<String, String> typed = SubscriptionForm.typed(request);
        long version = version(typed.get(SubscriptionForm.VERSION));
        FormResult refused = FormResult.submit(
                typed,
                SubscriptionForm.FIELDS,
                () -> notifications.replace(id, version, SubscriptionForm.input(typed)));
        if (refused == null) {
            return "redirect:" + LIST + "?done=saved";
        }
        Subscription current = notifications.subscription(id);
        Subscription changed = null;
        if (refused.conflict()) {
            // someone changed it: show it as it is now, keep what was typed, and save against the new version
            refused.values().put(SubscriptionForm.VERSION, Long.toString(current.version()));
            changed = current;
        }
        return form(page, refused, current, changed, model);
    }

    @PostMapping(LIST + "/{id}/end")
    public String end(
            @PathVariable UUID id, @RequestParam(name = "version", required = false) @Nullable String version) {
        try {
            notifications.end(id, version(version));
        } catch (ServiceProblem problem) {
            if (problem.staleVersion() || problem.status() == 428) {
                return "redirect:" + LIST + "?stale=" + id + "#subscription-" + id;
            }
            throw problem;
        }
        return "redirect:" + LIST + "?done=ended";
    }

    private String form(
            Page page, FormResult form, @Nullable Subscription editing, @Nullable Subscription changed, Model model) {
        Choices choices = choices(page, true);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute(
                "changed", changed == null ? null : new SubscriptionRow(changed, describe(page, changed, choices)));
        model.addAttribute("choices", choices.form());
        return "notifications/subscription";
    }

    /** What the form offers, and the names the list uses. */
    record Choices(SubscriptionForm.Choices form, Map<UUID, String> names) {}

    private Choices choices(Page page, boolean forForm) {
        SignedInUser user = page.user();
        boolean admin = user != null && user.has(SignedInUser.ORG_ADMIN);
        List<ForumSummary> mine = forums.myForums();
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, Organisation> organisations = new TreeMap<>();
        List<SubscriptionForm.ForumActions> actions = new ArrayList<>();
        for (ForumSummary forum : mine) {
            names.put(forum.forumId(), forum.name() == null ? page.t("forums.unnamed") : forum.name());
            for (Organisation o : registry.organisationsInForum(forum.forumId())) {
                organisations.put(o.id(), o);
                names.put(o.id(), o.name());
            }
            List<SubscriptionForm.Choice> forumActions = forums.allActions(forum.forumId()).stream()
                    .filter(a -> a.title() != null)
                    .sorted((a, b) -> a.title().compareToIgnoreCase(b.title()))
                    .map(a -> new SubscriptionForm.Choice(a.actionId().toString(), a.title()))
                    .toList();
            forumActions.forEach(c -> names.put(UUID.fromString(c.value()), c.name()));
            actions.add(new SubscriptionForm.ForumActions(forum, forumActions));
        }
        List<Organisation> byName = organisations.values().stream()
                .sorted((a, b) -> String.valueOf(a.name()).compareToIgnoreCase(String.valueOf(b.name())))
                .toList();
        List<Webhook> webhooks = List.of();
        if (admin && forForm) {
            try {
                webhooks = notifications.webhooks();
            } catch (ServiceProblem | ServiceUnavailable e) {
                webhooks = List.of();
            }
        }
        return new Choices(
                new SubscriptionForm.Choices(
                        mine,
                        byName,
                        actions,
                        List.of(Sector.values()).stream().map(Enum::name).toList(),
                        EventTypes.groups(),
                        webhooks,
                        languages.supported(),
                        admin),
                names);
    }

    /** Each part of the subscription's filter by name; "everything" when it has none. */
    static List<Facet> describe(Page page, Subscription s, Choices choices) {
        List<Facet> facets = new ArrayList<>();
        var f = s.filter();
        add(
                facets,
                page.t("subscriptions.filter.forums"),
                f.forums().stream()
                        .map(id -> choices.names().getOrDefault(id, page.t("subscriptions.unknown")))
                        .toList());
        add(
                facets,
                page.t("subscriptions.filter.organisations"),
                f.organisations().stream()
                        .map(id -> choices.names().getOrDefault(id, page.t("subscriptions.unknown")))
                        .toList());
        add(
                facets,
                page.t("subscriptions.filter.sectors"),
                f.sectors().stream().map(code -> page.label("Sector", code)).toList());
        add(facets, page.t("subscriptions.filter.areas"), f.areas());
        add(
                facets,
                page.t("subscriptions.filter.records"),
                f.records().stream()
                        .map(id -> choices.names().getOrDefault(id, page.t("subscriptions.unknown")))
                        .toList());
        add(
                facets,
                page.t("subscriptions.filter.eventTypes"),
                f.eventTypes().stream().map(t -> EventTypes.name(page, t)).toList());
        return facets;
    }

    private static void add(List<Facet> facets, String label, List<String> names) {
        if (!names.isEmpty()) {
            facets.add(new Facet(label, names));
        }
    }

    private static long version(@Nullable String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A language's own name for the list ("Français"). */
    public static String languageName(Page page, String tag) {
        return tag == null || tag.isBlank() ? page.t("common.none") : page.languageName(Locale.forLanguageTag(tag));
    }
}
