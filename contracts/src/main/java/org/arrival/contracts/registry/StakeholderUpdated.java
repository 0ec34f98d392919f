package org.arrival.contracts.registry;

import java.util.List;
import org.arrival.contracts.common.Actor;

/** A stakeholder's profile changed; {@code changedFields} names the profile fields that differ. */
public record StakeholderUpdated(Stakeholder stakeholder, Actor actor, List<String> changedFields) {}
