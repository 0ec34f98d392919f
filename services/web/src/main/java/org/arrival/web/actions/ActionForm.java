package org.arrival.web.actions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi.ActionBody;
import org.arrival.web.api.actionplans.ActionPlansApi.Area;
import org.arrival.web.api.actionplans.ActionPlansApi.Participant;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * What a person typed and chose in the form that records or edits an action, field by field as the API names them
 * ({@code title}, {@code sectors}, {@code areas[0].country}, {@code participants[1].organisationId}), so the
 * service's problems land next to their fields. Lists of rows (areas, participants, expected implementers) always
 * show one empty row more, and "add another" asks for more without saving.
 */
public record ActionForm(
        String planId,
        String title,
        String description,
        String kind,
        String orientation,
        List<String> sectors,
        List<String> targetGroups,
        List<Area> areas,
        String startDate,
        String endDate,
        String reportingCadence,
        List<ParticipantRow> participants,
        String implementsActionId,
        boolean requiresLocalImplementation,
        List<String> expectedImplementers,
        String weight,
        List<String> needIds,
        List<String> gapIds,
        List<String> frameworkItems,
        String classification,
        List<String> sharedWithForums,
        String version,
        String original) {

    /** The most rows of one kind a form holds. */
    static final int MAX_ROWS = 50;

    /** One participant row: an organisation chosen by name and its role. */
    public record ParticipantRow(
            String organisationId, @Nullable String role) {

        boolean blank() {
            return organisationId == null || organisationId.isBlank();
        }
    }

    /**
     * A new action: where the person's organisation acts as its first area, reported quarterly, for forum members.
     */
    public static ActionForm blank(@Nullable Area where) {
        return new ActionForm(
                        "",
                        "",
                        "",
                        "",
                        "",
                        List.of(),
                        List.of(),
                        List.of(where == null ? new Area("", "", "", "") : where),
                        "",
                        "",
                        "QUARTERLY",
                        List.of(),
                        "",
                        false,
                        List.of(),
                        "",
                        List.of(),
                        List.of(),
                        List.of(),
                        "FORUM",
                        List.of(),
                        "",
                        "")
                .withEmptyRows();
    }

    /**
     * An action's values to edit, on {@code version}; {@code original} is the same values as the form opened with,
     * kept in the form so that a save refused as stale can tell the person's changes from someone else's.
     */
    public static ActionForm of(ActionBody a, long version, String original) {
        return new ActionForm(
                        str(a.planId()),
                        nz(a.title()),
                        nz(a.description()),
                        nz(a.kind()),
                        nz(a.orientation()),
                        list(a.sectors()),
                        list(a.targetGroups()),
                        list(a.areas()),
                        str(a.startDate()),
                        str(a.endDate()),
                        nz(a.reportingCadence()),
                        list(a.participants()).stream()
                                .map(p -> new ParticipantRow(str(p.organisationId()), p.role()))
                                .toList(),
                        str(a.implementsActionId()),
                        Boolean.TRUE.equals(a.requiresLocalImplementation()),
                        ids(list(a.expectedImplementers())),
                        a.weight() == null ? "" : a.weight().toString(),
                        ids(list(a.needIds())),
                        ids(list(a.gapIds())),
                        list(a.frameworkItems()),
                        nz(a.classification()),
                        ids(list(a.sharedWithForums())),
                        Long.toString(version),
                        original)
                .withEmptyRows();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** The form as posted. */
    public static ActionForm of(MultiValueMap<String, String> p) {
        List<Area> areas = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && hasRow(p, "areas[" + i + "]."); i++) {
            String row = "areas[" + i + "].";
            areas.add(new Area(
                    one(p, row + "country"),
                    one(p, row + "subdivision"),
                    one(p, row + "areaCode"),
                    one(p, row + "areaName")));
        }
        List<ParticipantRow> participants = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && hasRow(p, "participants[" + i + "]."); i++) {
            String row = "participants[" + i + "].";
            participants.add(new ParticipantRow(one(p, row + "organisationId"), one(p, row + "role")));
        }
        return new ActionForm(
                one(p, "planId"),
                one(p, "title"),
                one(p, "description"),
                one(p, "kind"),
                one(p, "orientation"),
                all(p, "sectors"),
                all(p, "targetGroups"),
                areas,
                one(p, "startDate"),
                one(p, "endDate"),
                one(p, "reportingCadence"),
                participants,
                one(p, "implementsActionId"),
                "true".equals(one(p, "requiresLocalImplementation")),
                all(p, "expectedImplementers"),
                one(p, "weight"),
                all(p, "needIds"),
                all(p, "gapIds"),
                all(p, "frameworkItems"),
                one(p, "classification"),
                all(p, "sharedWithForums"),
                one(p, "version"),
                one(p, "original"));
    }

    /** The same form with room for one more area, participant and expected implementer. */
    /** The form with a title, a description and the forums it is shared with proposed (for an assignment's work). */
    public ActionForm proposing(String title, String description, List<String> forums) {
        return new ActionForm(
                planId,
                title,
                description,
                kind,
                orientation,
                sectors,
                targetGroups,
                areas,
                startDate,
                endDate,
                reportingCadence,
                participants,
                implementsActionId,
                requiresLocalImplementation,
                expectedImplementers,
                weight,
                needIds,
                gapIds,
                frameworkItems,
                classification,
                forums,
                version,
                original);
    }

    public ActionForm withEmptyRows() {
        List<Area> a = new ArrayList<>(areas.stream().filter(r -> !empty(r)).toList());
        if (a.size() < MAX_ROWS) {
            a.add(new Area("", "", "", ""));
        }
        List<ParticipantRow> p =
                new ArrayList<>(participants.stream().filter(r -> !r.blank()).toList());
        if (p.size() < MAX_ROWS) {
            p.add(new ParticipantRow("", "IMPLEMENTING"));
        }
        List<String> e = new ArrayList<>(
                expectedImplementers.stream().filter(s -> !s.isBlank()).toList());
        if (e.size() < MAX_ROWS) {
            e.add("");
        }
        return new ActionForm(
                planId,
                title,
                description,
                kind,
                orientation,
                sectors,
                targetGroups,
                a,
                startDate,
                endDate,
                reportingCadence,
                p,
                implementsActionId,
                requiresLocalImplementation,
                e,
                weight,
                needIds,
                gapIds,
                frameworkItems,
                classification,
                sharedWithForums,
                version,
                original);
    }

    public boolean chose(String field, String value) {
        List<String> chosen = switch (field) {
            case "sectors" -> sectors;
            case "targetGroups" -> targetGroups;
            case "needIds" -> needIds;
            case "gapIds" -> gapIds;
            case "frameworkItems" -> frameworkItems;
            case "sharedWithForums" -> sharedWithForums;
            case "expectedImplementers" -> expectedImplementers;
            default -> List.of();
        };
        return chosen.contains(value);
    }

    public long versionNumber() {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The single-valued fields as typed, for the form's text inputs. */
    public Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", title);
        v.put("description", description);
        v.put("startDate", startDate);
        v.put("endDate", endDate);
        v.put("weight", weight);
        for (int i = 0; i < areas.size(); i++) {
            Area a = areas.get(i);
            v.put("areas[" + i + "].country", nz(a.country()));
            v.put("areas[" + i + "].subdivision", nz(a.subdivision()));
            v.put("areas[" + i + "].areaCode", nz(a.areaCode()));
            v.put("areas[" + i + "].areaName", nz(a.areaName()));
        }
        return v;
    }

    /** Every field of the form, by the names the service's problems use. */
    public Set<String> fields() {
        Set<String> f = new LinkedHashSet<>(List.of(
                "planId",
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
                "participants",
                "implementsActionId",
                "requiresLocalImplementation",
                "expectedImplementers",
                "weight",
                "needIds",
                "gapIds",
                "frameworkItems",
                "classification",
                "sharedWithForums"));
        for (int i = 0; i < areas.size(); i++) {
            for (String part : List.of("country", "subdivision", "areaCode", "areaName")) {
                f.add("areas[" + i + "]." + part);
            }
        }
        for (int i = 0; i < participants.size(); i++) {
            f.add("participants[" + i + "].organisationId");
            f.add("participants[" + i + "].role");
        }
        for (int i = 0; i < expectedImplementers.size(); i++) {
            f.add("expectedImplementers[" + i + "]");
        }
        return f;
    }

    /**
     * What the form cannot send as it is (a date or number that does not read as one), as the service would name
     * it; empty when the form can go to the service, which checks everything else.
     */
    public List<ServiceProblem.FieldError> unreadable() {
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        date("startDate", startDate, errors);
        date("endDate", endDate, errors);
        if (!weight.isBlank()) {
            try {
                Integer.parseInt(weight.strip());
            } catch (NumberFormatException e) {
                errors.add(new ServiceProblem.FieldError(
                        "weight", "must be a whole number", "format.whole-number", Map.of()));
            }
        }
        return errors;
    }

    /** The body to send: blank rows and choices left out; call only when {@link #unreadable()} is empty. */
    public ActionBody body() {
        List<Area> places = areas.stream()
                .filter(a -> !empty(a))
                .map(a -> new Area(
                        code(a.country()), code(a.subdivision()), blankToNull(a.areaCode()), blankToNull(a.areaName())))
                .toList();
        List<Participant> people = participants.stream()
                .filter(r -> uuid(r.organisationId()) != null)
                .map(r -> new Participant(
                        Objects.requireNonNull(uuid(r.organisationId()), "kept rows name one"), blankToNull(r.role())))
                .toList();
        return new ActionBody(
                uuid(planId),
                title,
                blankToNull(description),
                blankToNull(kind),
                blankToNull(orientation),
                sectors,
                targetGroups,
                places,
                localDate(startDate),
                localDate(endDate),
                blankToNull(reportingCadence),
                people,
                uuid(implementsActionId),
                requiresLocalImplementation,
                uuids(expectedImplementers),
                weight.isBlank() ? null : Integer.valueOf(weight.strip()),
                uuids(needIds),
                uuids(gapIds),
                frameworkItems,
                blankToNull(classification),
                uuids(sharedWithForums));
    }

    private static void date(String field, String value, List<ServiceProblem.FieldError> errors) {
        if (value.isBlank()) {
            return;
        }
        try {
            LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(
                    new ServiceProblem.FieldError(field, "must be a date such as 2026-12-31", "format.date", Map.of()));
        }
    }

    private static boolean empty(Area a) {
        return nz(a.subdivision()).isBlank()
                && nz(a.areaCode()).isBlank()
                && nz(a.areaName()).isBlank()
                && nz(a.country()).isBlank();
    }

    private static boolean hasRow(MultiValueMap<String, String> p, String prefix) {
        return p.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    private static String one(MultiValueMap<String, String> p, String name) {
        String v = p.getFirst(name);
        return v == null ? "" : v.strip();
    }

    private static List<String> all(MultiValueMap<String, String> p, String name) {
        List<String> v = p.get(name);
        return v == null
                ? List.of()
                : v.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    /** Ids the form offered; anything else cannot have been chosen and is left out. */
    private static List<UUID> uuids(List<String> values) {
        List<UUID> ids = new ArrayList<>();
        for (String v : values) {
            UUID id = uuid(v);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static @Nullable UUID uuid(@Nullable String v) {
        try {
            return v == null || v.isBlank() ? null : UUID.fromString(v.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable LocalDate localDate(@Nullable String v) {
        return v == null || v.isBlank() ? null : LocalDate.parse(v.strip());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Country and subdivision codes are capitals; people type them as they come. */
    private static @Nullable String code(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String str(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }
}
