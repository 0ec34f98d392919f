package org.arrival.platform.web;

import java.util.List;

/** 412: the record changed since the caller read it; re-read it and apply the change again. */
public class StaleVersion extends ApiException {

    public StaleVersion(String kind, Object id, long expected) {
        super(
                412,
                "Precondition failed",
                "The " + kind + " " + id + " is no longer at version " + expected
                        + "; fetch it again and retry with its current ETag",
                List.of());
    }
}
