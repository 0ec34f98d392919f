package org.arrival.platform.web;

import java.util.List;

/** 428: updates must say which version they change, with {@code If-Match}. */
public class VersionRequired extends ApiException {

    public VersionRequired() {
        super(
                428,
                "Precondition required",
                "Send the record's ETag in an If-Match header so that concurrent changes are not lost",
                List.of());
    }
}
