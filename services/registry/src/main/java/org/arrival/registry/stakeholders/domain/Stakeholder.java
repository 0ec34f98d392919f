package org.arrival.registry.stakeholders.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.platform.web.RuleViolation;

/**
 * An organisation taking part in coordination, and its lifecycle:
 * proposed, verified, active (and back from suspended), suspended, archived.
 */
public record Stakeholder(UUID id, long version, StakeholderProfile profile, StakeholderStatus status) {

    public static Stakeholder propose(UUID id, StakeholderProfile profile) {
        return new Stakeholder(id, 1, profile, StakeholderStatus.PROPOSED);
    }

    /** The stakeholder with a new profile; refuses archived records and changes that change nothing. */
    public Stakeholder revise(StakeholderProfile next) {
        requireNot(StakeholderStatus.ARCHIVED, "edited");
        return new Stakeholder(id, version + 1, next, status);
    }

    public List<String> changesTo(StakeholderProfile next) {
        return next.changedFrom(profile);
    }

    public Stakeholder verify() {
        return move(StakeholderStatus.VERIFIED, Set.of(StakeholderStatus.PROPOSED), "verified");
    }

    public Stakeholder activate() {
        return move(
                StakeholderStatus.ACTIVE, Set.of(StakeholderStatus.VERIFIED, StakeholderStatus.SUSPENDED), "activated");
    }

    public Stakeholder suspend() {
        return move(
                StakeholderStatus.SUSPENDED, Set.of(StakeholderStatus.VERIFIED, StakeholderStatus.ACTIVE), "suspended");
    }

    public Stakeholder archive() {
        return move(
                StakeholderStatus.ARCHIVED,
                Set.of(
                        StakeholderStatus.PROPOSED,
                        StakeholderStatus.VERIFIED,
                        StakeholderStatus.ACTIVE,
                        StakeholderStatus.SUSPENDED),
                "archived");
    }

    /** Whether it can be given a seat in a forum or convene one. */
    public boolean canTakePart() {
        return status != StakeholderStatus.ARCHIVED && status != StakeholderStatus.SUSPENDED;
    }

    public boolean hiddenFromEnforcementBodies() {
        return profile.hiddenFromEnforcementBodies();
    }

    /** Records about a hidden organisation are restricted: enforcement bodies never receive them. */
    public DataClassification classification() {
        return hiddenFromEnforcementBodies() ? DataClassification.RESTRICTED : DataClassification.PUBLIC;
    }

    private Stakeholder move(StakeholderStatus to, Set<StakeholderStatus> from, String verb) {
        if (!from.contains(status)) {
            throw new RuleViolation("A stakeholder that is " + status + " cannot be " + verb);
        }
        return new Stakeholder(id, version + 1, profile, to);
    }

    private void requireNot(StakeholderStatus forbidden, String verb) {
        if (status == forbidden) {
            throw new RuleViolation("A stakeholder that is " + status + " cannot be " + verb);
        }
    }
}
