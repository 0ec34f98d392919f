package org.arrival.contracts.registry;

/** The counts of a vote, by organisation (one organisation, one vote). */
public record VoteCount(int inFavour, int against, int abstaining) {}
