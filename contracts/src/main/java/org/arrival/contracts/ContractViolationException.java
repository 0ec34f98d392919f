package org.arrival.contracts;

import java.util.List;

/** An event payload does not satisfy its type's JSON Schema. */
public class ContractViolationException extends RuntimeException {

    private final String eventType;
    private final List<String> violations;

    public ContractViolationException(String eventType, List<String> violations) {
        super(eventType + " violates its contract:\n  " + String.join("\n  ", violations));
        this.eventType = eventType;
        this.violations = List.copyOf(violations);
    }

    public String eventType() {
        return eventType;
    }

    public List<String> violations() {
        return violations;
    }
}
