package org.arrival.registry.apiclients.realm;

import java.util.List;
import org.arrival.platform.web.ApiException;

/** 409: the identity provider already has a client with this client id (choose another name). */
public class ClientIdTaken extends ApiException {

    public ClientIdTaken() {
        super(
                409,
                "Conflict",
                "The identity provider already has a client of this name; choose another name",
                List.of(new FieldError("name", "already taken by another client", "api-clients.name-taken")));
    }
}
