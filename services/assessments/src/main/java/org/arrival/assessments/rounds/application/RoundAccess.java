package org.arrival.assessments.rounds.application;

import java.util.UUID;
import org.arrival.assessments.rounds.domain.AssessmentRound;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.Viewer;

/**
 * Who may do what with one round.
 * <ul>
 * <li>Run it (create, edit, open, close, publish, read its history): members of the convening organisation with
 * org-admin or org-editor, and platform administrators.</li>
 * <li>Read it and its consolidated scores: by the platform's read policy ({@link Viewer#mayRead}) on the round's
 * classification (the convenor while it is a draft; once opened, members of the forums it is shared with; once
 * published, everyone), and its respondents once it is opened. A round is made of what the organisations it names
 * answer, so whoever may not see one of them (an enforcement body, any organisation hidden from enforcement bodies)
 * may not read the round at all. Anyone else is told it does not exist.</li>
 * <li>Read who answered what: the convenor, the respondent itself and platform administrators.</li>
 * <li>Read evidence notes: the same, except that an enforcement body reads no one's notes but its own.</li>
 * </ul>
 */
record RoundAccess(Viewer viewer, AssessmentRound round) {

    Caller caller() {
        return viewer.caller();
    }

    boolean isConvenor() {
        return caller().actsFor(round.profile().convenorId());
    }

    boolean isRespondent() {
        return round.profile().hasRespondent(caller().organisationId());
    }

    static boolean editor(Caller caller) {
        return caller.hasRole(Roles.ORG_ADMIN) || caller.hasRole(Roles.ORG_EDITOR);
    }

    /** The round as the read policy sees it: its convenor, its classification and its forums. */
    static RecordScope scope(AssessmentRound round) {
        return RecordScope.of(
                round.profile().convenorId(),
                round.classification(),
                round.profile().sharedWithForums());
    }

    boolean mayManage() {
        return caller().isPlatformAdmin() || (isConvenor() && editor(caller()));
    }

    boolean mayRead() {
        if (viewer.visibleOrganisations(round.involved()).size()
                != round.involved().size()) {
            return false;
        }
        return viewer.mayRead(scope(round)) || (!round.isDraft() && isRespondent());
    }

    /** Who said what: the convenor and platform administrators see every respondent's answers. */
    boolean seesEveryRespondent() {
        return caller().isPlatformAdmin() || isConvenor();
    }

    boolean maySeeAnswersOf(UUID respondent) {
        return seesEveryRespondent() || caller().actsFor(respondent);
    }

    boolean maySeeEvidenceOf(UUID respondent) {
        if (caller().actsFor(respondent)) {
            return true;
        }
        return seesEveryRespondent() && !viewer.enforcementBody();
    }

    boolean mayAnswerFor(UUID respondent) {
        return round.profile().hasRespondent(respondent) && caller().actsFor(respondent) && editor(caller());
    }
}
