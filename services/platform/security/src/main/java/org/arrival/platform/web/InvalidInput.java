package org.arrival.platform.web;

import java.util.List;

/** 400: the request cannot be accepted as it is; nothing was written. */
public class InvalidInput extends ApiException {

    public InvalidInput(String detail) {
        super(400, "Invalid input", detail, List.of());
    }

    public InvalidInput(String detail, List<FieldError> errors) {
        super(400, "Invalid input", detail, errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(field + ": " + message, List.of(new FieldError(field, message)));
    }
}
