package org.arrival.platform.web;

import java.util.List;

/** 404: no such record, or none the caller may see (the two are indistinguishable on purpose). */
public class RecordNotFound extends ApiException {

    public RecordNotFound(String kind, Object id) {
        super(404, "Not found", "No " + kind + " with id " + id, List.of());
    }
}
