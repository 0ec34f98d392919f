package org.arrival.platform.web;

import java.util.List;

/** 422: the body is well formed but refers to something that does not exist or cannot be used. */
public class UnprocessableReference extends ApiException {

    public UnprocessableReference(String field, String message) {
        super(422, "Unprocessable reference", field + ": " + message, List.of(new FieldError(field, message)));
    }
}
