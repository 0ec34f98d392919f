package org.arrival.assessments.rounds.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.RoundStatus;
import org.arrival.platform.web.RuleViolation;

/**
 * A round of the readiness self-assessment. Lifecycle: DRAFT (the convenor edits it; nobody else sees it) → OPEN
 * (respondents answer) → CLOSED (no more answers) → PUBLISHED (consolidated scores and gaps are final).
 */
public record AssessmentRound(
        UUID id, long version, RoundProfile profile, String instrumentId, int instrumentVersion, RoundStatus status) {

    public static AssessmentRound draft(UUID id, RoundProfile profile, String instrumentId, int instrumentVersion) {
        return new AssessmentRound(id, 1, profile, instrumentId, instrumentVersion, RoundStatus.DRAFT);
    }

    /** Replaces the profile; only a draft can be edited, and its convenor stays the same. */
    public AssessmentRound revise(RoundProfile next) {
        if (status != RoundStatus.DRAFT) {
            throw new RuleViolation("A round that is " + status + " can no longer be edited; only a DRAFT can");
        }
        if (!next.convenorId().equals(profile.convenorId())) {
            throw new RuleViolation("The convenor of a round cannot be changed");
        }
        return new AssessmentRound(id, version + 1, next, instrumentId, instrumentVersion, status);
    }

    public AssessmentRound open() {
        return moveTo(RoundStatus.DRAFT, RoundStatus.OPEN);
    }

    public AssessmentRound close() {
        return moveTo(RoundStatus.OPEN, RoundStatus.CLOSED);
    }

    public AssessmentRound publish() {
        return moveTo(RoundStatus.CLOSED, RoundStatus.PUBLISHED);
    }

    /** Answers are taken only while the round is open. */
    public void requireAcceptsAnswers() {
        if (status != RoundStatus.OPEN) {
            throw new RuleViolation("The round is " + status + "; answers are taken only while it is OPEN");
        }
    }

    public boolean isDraft() {
        return status == RoundStatus.DRAFT;
    }

    public boolean isPublished() {
        return status == RoundStatus.PUBLISHED;
    }

    /**
     * Who besides its convenor may read the round: nobody while it is a draft; once opened, the forums it is shared
     * with (its respondents read it too, see the rounds' access rule); once published, everyone.
     */
    public DataClassification classification() {
        if (isDraft()) {
            return DataClassification.ORGANISATION;
        }
        if (isPublished()) {
            return DataClassification.PUBLIC;
        }
        return profile.sharedWithForums().isEmpty() ? DataClassification.ORGANISATION : DataClassification.FORUM;
    }

    /** The organisations the round names: its convenor, then its respondents. */
    public List<UUID> involved() {
        List<UUID> all = new ArrayList<>();
        all.add(profile.convenorId());
        profile.respondentIds().stream()
                .filter(r -> !r.equals(profile.convenorId()))
                .forEach(all::add);
        return all;
    }

    private AssessmentRound moveTo(RoundStatus from, RoundStatus to) {
        if (status != from) {
            throw new RuleViolation(
                    "A round that is " + status + " cannot become " + to + "; only a " + from + " round can");
        }
        return new AssessmentRound(id, version + 1, profile, instrumentId, instrumentVersion, to);
    }
}
