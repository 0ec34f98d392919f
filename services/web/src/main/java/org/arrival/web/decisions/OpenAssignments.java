package org.arrival.web.decisions;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.registry.AssignmentsApi;
import org.arrival.web.api.registry.AssignmentsApi.Assignment;
import org.springframework.stereotype.Component;

/**
 * The work forums gave an organisation that it has not yet answered, due date first, for My work. Left empty when
 * the registry refuses or does not answer: the rest of the page does not depend on it.
 */
@Component
public class OpenAssignments {

    private final AssignmentsApi assignments;

    public OpenAssignments(AssignmentsApi assignments) {
        this.assignments = assignments;
    }

    public List<Assignment> of(UUID organisation) {
        try {
            return assignments.assignments(organisation, "OPEN").stream()
                    .filter(Assignment::open)
                    .sorted(Comparator.comparing(
                            Assignment::dueOn, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())))
                    .toList();
        } catch (ServiceProblem | ServiceUnavailable e) {
            return List.of();
        }
    }
}
