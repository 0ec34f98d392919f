package org.arrival.web.api;

import org.jspecify.annotations.Nullable;

/** A service could not be reached, or failed on its side (5xx): nothing the person did, nothing they can fix. */
public class ServiceUnavailable extends RuntimeException {

    private final Service service;

    public ServiceUnavailable(Service service, String message, @Nullable Throwable cause) {
        super(service + " is unavailable: " + message, cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
