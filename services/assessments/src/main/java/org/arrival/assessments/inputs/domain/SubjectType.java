package org.arrival.assessments.inputs.domain;

/** What an input is about: an assessment round or a need. */
public enum SubjectType {
    ROUND,
    NEED
}
