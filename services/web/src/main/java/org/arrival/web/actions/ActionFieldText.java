package org.arrival.web.actions;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.ActionBody;
import org.arrival.web.api.actionplans.ActionPlansApi.Area;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** An action's field as words in the reader's language, every id named: to show what someone else changed. */
@Component
public class ActionFieldText {

    /** The fields of the action form, as the service names them in its history. */
    public static final List<String> FIELDS = List.of(
            "title",
            "description",
            "kind",
            "orientation",
            "sectors",
            "targetGroups",
            "areas",
            "startDate",
            "endDate",
            "reportingCadence",
            "planId",
            "participants",
            "implementsActionId",
            "weight",
            "requiresLocalImplementation",
            "expectedImplementers",
            "needIds",
            "gapIds",
            "frameworkItems",
            "classification",
            "sharedWithForums");

    private final RegistryApi registry;
    private final ActionPlansApi actions;

    public ActionFieldText(RegistryApi registry, ActionPlansApi actions) {
        this.registry = registry;
        this.actions = actions;
    }

    /** Where the organisation acts, to start a new action's first area with; null when unknown. */
    public @Nullable Area jurisdiction(@Nullable UUID organisation) {
        if (organisation == null) {
            return null;
        }
        try {
            RegistryApi.Organisation o = registry.organisation(organisation);
            if (o == null || o.jurisdiction() == null) {
                return null;
            }
            var j = o.jurisdiction();
            return new Area(nz(j.country()), nz(j.subdivision()), nz(j.areaCode()), nz(j.areaName()));
        } catch (ServiceProblem | ServiceUnavailable e) {
            return null;
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    static ActionBody bodyOf(Action a) {
        return new ActionBody(
                a.planId(),
                a.title(),
                a.description(),
                a.kind(),
                a.orientation(),
                a.sectors(),
                a.targetGroups(),
                a.areas(),
                a.startDate(),
                a.endDate(),
                a.reportingCadence(),
                a.participants(),
                a.implementsActionId(),
                a.requiresLocalImplementation(),
                a.expectedImplementers(),
                a.weight(),
                a.needIds(),
                a.gapIds(),
                a.frameworkItems(),
                a.classification(),
                a.sharedWithForums());
    }

    public String text(Page page, References.Lookup names, String field, ActionBody b) {
        String none = page.t("common.none");
        String text = switch (field) {
            case "title" -> b.title();
            case "description" -> b.description();
            case "kind" -> b.kind() == null ? null : page.label("ActionKind", b.kind());
            case "orientation" -> b.orientation() == null ? null : page.label("ActionOrientation", b.orientation());
            case "sectors" -> labels(page, "Sector", b.sectors());
            case "targetGroups" -> labels(page, "PopulationGroup", b.targetGroups());
            case "areas" ->
                list(
                        page,
                        b.areas() == null
                                ? List.of()
                                : b.areas().stream().map(ActionFieldText::area).toList());
            case "startDate" -> b.startDate() == null ? null : page.format().date(b.startDate());
            case "endDate" -> b.endDate() == null ? null : page.format().date(b.endDate());
            case "reportingCadence" ->
                b.reportingCadence() == null ? null : page.label("ReportingCadence", b.reportingCadence());
            case "planId" -> b.planId() == null ? null : plan(page, b.planId());
            case "participants" ->
                list(
                        page,
                        b.participants() == null
                                ? List.of()
                                : b.participants().stream()
                                        .map(p -> page.t(
                                                "actions.form.participantText",
                                                "organisation",
                                                organisation(page, names, p.organisationId()),
                                                "role",
                                                page.label("ParticipantRole", p.role())))
                                        .toList());
            case "implementsActionId" ->
                b.implementsActionId() == null ? null : actionTitle(page, b.implementsActionId());
            case "weight" -> b.weight() == null ? null : page.format().number(b.weight());
            case "requiresLocalImplementation" ->
                page.t(Boolean.TRUE.equals(b.requiresLocalImplementation()) ? "actions.yes" : "actions.no");
            case "expectedImplementers" ->
                list(
                        page,
                        b.expectedImplementers() == null
                                ? List.of()
                                : b.expectedImplementers().stream()
                                        .map(o -> organisation(page, names, o))
                                        .toList());
            case "needIds" ->
                list(
                        page,
                        b.needIds() == null
                                ? List.of()
                                : b.needIds().stream()
                                        .map(id -> {
                                            Need n = names.need(id);
                                            return n == null ? page.t("actions.notShown") : n.statement();
                                        })
                                        .toList());
            case "gapIds" ->
                list(
                        page,
                        b.gapIds() == null
                                ? List.of()
                                : b.gapIds().stream()
                                        .map(id -> {
                                            References.GapName g = names.gap(id);
                                            return g == null
                                                    ? page.t("actions.notShown")
                                                    : g.questionCode() + " " + g.question();
                                        })
                                        .toList());
            case "frameworkItems" ->
                list(
                        page,
                        b.frameworkItems() == null
                                ? List.of()
                                : b.frameworkItems().stream()
                                        .map(code -> {
                                            var item = names.frameworkItem(code);
                                            return item == null ? code : code + " " + item.title();
                                        })
                                        .toList());
            case "classification" ->
                b.classification() == null ? null : page.label("DataClassification", b.classification());
            case "sharedWithForums" ->
                list(
                        page,
                        b.sharedWithForums() == null
                                ? List.of()
                                : b.sharedWithForums().stream()
                                        .map(f ->
                                                Objects.requireNonNullElse(names.forum(f), page.t("actions.notShown")))
                                        .toList());
            default -> null;
        };
        return text == null || text.isBlank() ? none : text;
    }

    private static String organisation(Page page, References.Lookup names, UUID id) {
        return Objects.requireNonNullElse(names.organisation(id), page.t("common.unknownOrganisation"));
    }

    private String plan(Page page, UUID id) {
        try {
            return actions.plan(id).title();
        } catch (ServiceProblem e) {
            return page.t("actions.notShown");
        }
    }

    private String actionTitle(Page page, UUID id) {
        try {
            return actions.action(id).title();
        } catch (ServiceProblem e) {
            return page.t("actions.notShown");
        }
    }

    private static @Nullable String labels(Page page, String kind, @Nullable List<String> codes) {
        return codes == null
                ? null
                : list(page, codes.stream().map(c -> page.label(kind, c)).toList());
    }

    private static @Nullable String list(Page page, List<String> items) {
        return items.isEmpty() ? null : page.format().list(items);
    }

    /** An area in words: its name, then its codes. */
    public static String area(Area a) {
        StringBuilder s = new StringBuilder();
        if (a.areaName() != null && !a.areaName().isBlank()) {
            s.append(a.areaName()).append(" (");
        }
        s.append(String.join(
                ", ",
                java.util.stream.Stream.of(a.country(), a.subdivision(), a.areaCode())
                        .filter(x -> x != null && !x.isBlank())
                        .toList()));
        if (a.areaName() != null && !a.areaName().isBlank()) {
            s.append(')');
        }
        return s.toString();
    }
}
