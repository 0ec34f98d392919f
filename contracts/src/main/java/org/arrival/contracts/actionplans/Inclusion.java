package org.arrival.contracts.actionplans;

/** The Guide's inclusion indicators: are migrants named in the plan, budgeted for, and are staff trained? */
public record Inclusion(boolean migrantsNamed, boolean migrantsBudgeted, boolean staffTrained) {}
