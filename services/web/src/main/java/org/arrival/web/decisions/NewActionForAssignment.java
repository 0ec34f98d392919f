package org.arrival.web.decisions;

import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.registry.AssignmentsApi;
import org.arrival.web.api.registry.AssignmentsApi.Assignment;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accepting an assignment with an action recorded for it: the action form opened with {@code ?assignment=} carries
 * the assignment and the version it was read at, and once the action is recorded the assignment is accepted with
 * it and the person goes back to the assignment. Should the acceptance be refused (someone answered it meanwhile),
 * the action stays recorded and the assignment's page says so, where it can be linked by hand.
 */
@Component
public class NewActionForAssignment {

    private final AssignmentsApi assignments;

    public NewActionForAssignment(AssignmentsApi assignments) {
        this.assignments = assignments;
    }

    /**
     * The assignment named by the form's {@code assignment} when the person may answer it (open or no longer: a
     * refused acceptance is then said on its page); null for anything else.
     */
    public @Nullable Assignment answerable(Page page, @Nullable String assignmentId) {
        UUID id = AssignmentPage.uuid(assignmentId);
        if (id == null) {
            return null;
        }
        try {
            Assignment a = assignments.assignment(id);
            return AssignmentPage.mayAnswer(page.user(), a) ? a : null;
        } catch (ServiceProblem e) {
            if (e.notFound() || e.forbidden()) {
                return null;
            }
            throw e;
        }
    }

    /** Accepts the assignment with the new action at the version the form was opened on, and goes back to it. */
    public String accept(Assignment assignment, @Nullable String version, UUID actionId, RedirectAttributes redirect) {
        long read = assignment.version();
        try {
            if (version != null && !version.isBlank()) {
                read = Long.parseLong(version.strip());
            }
        } catch (NumberFormatException e) {
            read = assignment.version();
        }
        try {
            assignments.accept(assignment.assignmentId(), read, actionId);
            redirect.addFlashAttribute(AssignmentPage.NOTICE, "decisions.acceptedWithNewAction");
        } catch (ServiceProblem e) {
            if (!e.invalidInput() && !e.staleVersion() && !e.forbidden()) {
                throw e;
            }
            redirect.addFlashAttribute(AssignmentPage.NOTICE, "decisions.newActionNotLinked");
        }
        return "redirect:/assignments/" + assignment.assignmentId();
    }
}
