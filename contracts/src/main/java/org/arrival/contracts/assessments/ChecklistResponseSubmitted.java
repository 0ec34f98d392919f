package org.arrival.contracts.assessments;

import java.util.UUID;
import org.arrival.contracts.common.Actor;

/** A respondent organisation submitted (or resubmitted) its answers to a round. */
public record ChecklistResponseSubmitted(UUID roundId, UUID respondentId, int answered, int questions, Actor actor) {}
