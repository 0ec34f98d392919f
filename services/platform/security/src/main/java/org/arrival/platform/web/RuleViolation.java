package org.arrival.platform.web;

import java.util.List;

/** 409: the request conflicts with the record's current state (e.g. a lifecycle step that is not allowed). */
public class RuleViolation extends ApiException {

    public RuleViolation(String detail) {
        super(409, "Conflict", detail, List.of());
    }
}
