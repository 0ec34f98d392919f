package org.arrival.web.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.registry.RegistryApi.ForumRecord;
import org.arrival.web.layout.Page;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;

/** Who runs a forum's meetings as far as the page can tell, and form rows the registry names by their sent index. */
final class Runners {

    private Runners() {}

    /**
     * The registry's rule: a forum coordinator or organisation administrator acting for the forum's convenor, chair
     * or secretariat, or a platform administrator. The registry still decides; this only leaves out forms it would
     * refuse.
     */
    static boolean runs(Page page, ForumRecord forum) {
        SignedInUser user = page.signedInUser();
        if (user.platformAdmin()) {
            return true;
        }
        UUID organisation = user.organisationId();
        if (organisation == null || !(user.has(SignedInUser.FORUM_COORDINATOR) || user.has(SignedInUser.ORG_ADMIN))) {
            return false;
        }
        return organisation.equals(forum.convenorId())
                || organisation.equals(forum.chairId())
                || organisation.equals(forum.secretariatId());
    }

    private static final Pattern INDEXED = Pattern.compile("^([A-Za-z]+)\\[(\\d+)](.*)$");

    /**
     * The problem with each {@code list[i]...} field renamed to the form's row it was sent from ({@code rows.get(i)}),
     * the rest of the name passed through {@code rest} (so {@code records[0].recordId} can name the row's select).
     */
    static ServiceProblem atRows(
            ServiceProblem problem,
            String list,
            List<Integer> rows,
            @Nullable String beyond,
            java.util.function.UnaryOperator<String> rest) {
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        for (ServiceProblem.FieldError e : problem.errors()) {
            String field = e.field() == null ? "" : e.field();
            Matcher m = INDEXED.matcher(field);
            if (m.matches() && m.group(1).equals(list)) {
                int sent = Integer.parseInt(m.group(2));
                String renamed = sent < rows.size()
                        ? list + "[" + rows.get(sent) + "]" + rest.apply(m.group(3))
                        : Objects.requireNonNullElse(beyond, field);
                errors.add(new ServiceProblem.FieldError(renamed, e.message(), e.code(), e.parameters()));
            } else {
                errors.add(e);
            }
        }
        return new ServiceProblem(problem.service(), problem.status(), problem.title(), problem.detail(), errors);
    }

    /** What was typed in a field, or empty. */
    static String typed(Map<String, List<String>> sent, String field) {
        List<String> values = sent.get(field);
        return values == null || values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
    }

    static long version(String typed, long fallback) {
        try {
            return Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A row count asked for by the form, kept between one and twenty. */
    static int rows(String typed, int fallback) {
        try {
            return Math.max(1, Math.min(20, Integer.parseInt(typed.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
