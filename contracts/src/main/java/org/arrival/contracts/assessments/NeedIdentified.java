package org.arrival.contracts.assessments;

import org.arrival.contracts.common.Actor;

/** A need was recorded. */
public record NeedIdentified(Need need, Actor actor) {}
