package org.arrival.platform.web;

import java.util.List;

/** 403: the caller is known but may not do this. */
public class AccessRefused extends ApiException {

    public AccessRefused(String detail) {
        super(403, "Forbidden", detail, List.of());
    }
}
