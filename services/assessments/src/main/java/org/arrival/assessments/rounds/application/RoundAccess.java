package org.arrival.assessments.rounds.application;

import org.arrival.platform.security.Viewer;
import org.arrival.assessments.rounds.domain.AssessmentRound;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;

/**
 * Who may do what with one round.
 * <ul>
 * <li>Run it (create, edit, open, close, publish, read its history): members of the convening organisation with
 * org-admin or org-editor, and platform administrators.</li>
 * <li>Read it and its consolidated scores: the convenor, platform administrators and — once it is opened — its
 * respondents and members of the forums it is shared with; once published, everyone (its scores and gaps are
 * public). Anyone else is told it does not exist.</li>
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

    boolean mayManage() {
        return caller().isPlatformAdmin() || (isConvenor() && editor(caller()));
    }

    boolean mayRead() {
        if (caller().isPlatformAdmin() || isConvenor() || round.isPublished()) {
            return true;
        }
        if (round.isDraft()) {
            return false;
        }
        return isRespondent() || round.profile().sharedWithAny(viewer.forums());
    }

    /** Who said what: the convenor and platform administrators see every respondent's answers. */
    boolean seesEveryRespondent() {
        return caller().isPlatformAdmin() || isConvenor();
    }

    boolean maySeeAnswersOf(java.util.UUID respondent) {
        return seesEveryRespondent() || caller().actsFor(respondent);
    }

    boolean maySeeEvidenceOf(java.util.UUID respondent) {
        if (caller().actsFor(respondent)) {
            return true;
        }
        return seesEveryRespondent() && !viewer.enforcementBody();
    }

    boolean mayAnswerFor(java.util.UUID respondent) {
        return round.profile().hasRespondent(respondent) && caller().actsFor(respondent) && editor(caller());
    }
}
