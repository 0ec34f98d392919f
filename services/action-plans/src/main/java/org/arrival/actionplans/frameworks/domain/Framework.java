package org.arrival.actionplans.frameworks.domain;

/** A framework of the catalogue: its prefix and what it is. */
public record Framework(String id, String title) {}
