package org.arrival.web.actions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionOrientation;
import org.arrival.contracts.actionplans.ParticipantRole;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.FrameworkItem;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.api.registry.RegistryApi.Organisation;
import org.jspecify.annotations.Nullable;

/**
 * What the action form offers, every choice by its name: the contracts' codes (labelled in the reader's language),
 * the organisations of the registry, the person's organisation's plans, the commitments it may implement, the
 * needs and checklist gaps it may answer, the framework catalogue and the person's forums. A value the action
 * already holds is always offered, so saving never drops it.
 */
public record ActionChoices(
        List<Option> organisations,
        List<Option> plans,
        List<Option> commitments,
        List<Option> needs,
        List<Option> gaps,
        Map<String, List<Option>> frameworkItems,
        Map<String, String> frameworks,
        List<Option> forums) {

    /** One choice: the value sent and the words shown, with a detail (an area, a code) when it helps. */
    public record Option(
            String value, @Nullable String name, @Nullable String detail) {}

    public static List<String> kinds() {
        return names(ActionKind.values());
    }

    public static List<String> orientations() {
        return names(ActionOrientation.values());
    }

    public static List<String> sectors() {
        return names(Sector.values());
    }

    public static List<String> groups() {
        return names(PopulationGroup.values());
    }

    public static List<String> cadences() {
        return names(ReportingCadence.values());
    }

    public static List<String> roles() {
        return names(ParticipantRole.values());
    }

    public static List<String> classifications() {
        return names(DataClassification.values());
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    /** Gathers the choices for a person of {@code organisation} editing {@code form} (of action {@code self}). */
    static ActionChoices of(
            References.Lookup names,
            ActionPlansApi actions,
            @Nullable UUID organisation,
            @Nullable UUID self,
            ActionForm form) {
        List<Option> organisations = new ArrayList<>(names.organisations().stream()
                .filter(o -> o.canTakePart() && !o.id().equals(organisation))
                .map(ActionChoices::option)
                .toList());
        List<String> chosenOrganisations = new ArrayList<>(form.expectedImplementers());
        form.participants().forEach(p -> chosenOrganisations.add(p.organisationId()));
        keep(organisations, chosenOrganisations, id -> names.organisation(UUID.fromString(id)));

        List<Option> plans = new ArrayList<>(
                organisation == null
                        ? List.<Option>of()
                        : actions.plans(organisation).stream()
                                .map(p -> new Option(p.id().toString(), p.title(), null))
                                .toList());
        keep(plans, List.of(form.planId()), id -> null);

        List<Option> commitments = new ArrayList<>(actions.commitments().stream()
                .filter(a -> a.requiresLocalImplementation() && !"CANCELLED".equals(a.status()) && !a.id().equals(self))
                .map(a -> new Option(a.id().toString(), a.title(), names.organisation(a.ownerId())))
                .toList());
        keep(commitments, List.of(form.implementsActionId()), id -> title(actions, id));

        List<Option> needs = new ArrayList<>(names.needs().stream()
                .sorted(Comparator.comparing((Need n) -> Objects.requireNonNullElse(n.sector(), ""))
                        .thenComparing(n -> Objects.requireNonNullElse(n.statement(), "")))
                .map(n -> new Option(n.id().toString(), n.statement(), needDetail(n)))
                .toList());
        keep(needs, form.needIds(), id -> {
            Need n = names.need(UUID.fromString(id));
            return n == null ? null : n.statement();
        });

        List<Option> gaps = new ArrayList<>(names.gaps().stream()
                .map(g -> new Option(g.id().toString(), g.questionCode() + " " + g.question(), g.round()))
                .toList());
        keep(gaps, form.gapIds(), id -> null);

        Map<String, String> frameworks = new LinkedHashMap<>();
        names.frameworks().frameworks().forEach(f -> frameworks.put(f.id(), f.title()));
        Map<String, List<Option>> items = new LinkedHashMap<>();
        for (FrameworkItem item : names.frameworks().items()) {
            items.computeIfAbsent(item.framework(), f -> new ArrayList<>())
                    .add(new Option(item.code(), item.title(), item.code()));
        }
        for (String code : form.frameworkItems()) {
            if (items.values().stream()
                    .flatMap(List::stream)
                    .noneMatch(o -> o.value().equals(code))) {
                items.computeIfAbsent("", f -> new ArrayList<>()).add(new Option(code, code, code));
            }
        }

        List<Option> forums = new ArrayList<>(names.myForums().stream()
                .map(f -> new Option(f.forumId().toString(), f.name(), f.area()))
                .toList());
        keep(forums, form.sharedWithForums(), id -> null);
        return new ActionChoices(organisations, plans, commitments, needs, gaps, items, frameworks, forums);
    }

    private static Option option(Organisation o) {
        return new Option(o.id().toString(), o.name(), o.acronym());
    }

    private static @Nullable String needDetail(Need n) {
        return n.area() == null || n.area().areaName() == null ? null : n.area().areaName();
    }

    private static @Nullable String title(ActionPlansApi actions, String id) {
        try {
            return actions.action(UUID.fromString(id)).title();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Keeps the values already chosen among the options, named when the service still names them: a need shared
     * with the person's organisation no more, say, stays linked unless they unlink it.
     */
    private static void keep(
            List<Option> options, List<String> chosen, java.util.function.Function<String, @Nullable String> name) {
        for (String value : chosen) {
            if (value == null
                    || value.isBlank()
                    || options.stream().anyMatch(o -> o.value().equals(value))) {
                continue;
            }
            @Nullable String n;
            try {
                n = name.apply(value);
            } catch (RuntimeException e) {
                n = null;
            }
            options.add(new Option(value, n, null));
        }
    }
}
