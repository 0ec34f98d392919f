package org.arrival.contracts.actionplans;

import org.arrival.contracts.common.Actor;

/** An action or commitment was recorded. */
public record ActionProposed(Action action, Actor actor) {}
