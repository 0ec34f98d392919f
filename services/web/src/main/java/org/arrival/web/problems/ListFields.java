package org.arrival.web.problems;

import java.util.Collection;
import java.util.List;
import org.arrival.web.api.ServiceProblem;

/**
 * A refusal of one item of a field with several values ({@code populationGroups[1]}, {@code sharedWithForums[0]})
 * named by the field itself, so that the form shows it at the checkboxes or the text box the item came from.
 */
public final class ListFields {

    private ListFields() {}

    public static ServiceProblem atTheirField(ServiceProblem problem, Collection<String> fields) {
        List<ServiceProblem.FieldError> errors = problem.errors().stream()
                .map(e -> {
                    String field = e.field() == null ? "" : e.field();
                    String list = field.replaceFirst("\\[\\d+]$", "");
                    return !fields.contains(field) && fields.contains(list)
                            ? new ServiceProblem.FieldError(list, e.message(), e.code(), e.parameters())
                            : e;
                })
                .toList();
        return new ServiceProblem(problem.service(), problem.status(), problem.title(), problem.detail(), errors);
    }
}
