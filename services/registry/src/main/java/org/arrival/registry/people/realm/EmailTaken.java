package org.arrival.registry.people.realm;

import java.util.List;
import org.arrival.platform.web.ApiException;

/** 409: the identity provider already has an account with this e-mail address. */
public class EmailTaken extends ApiException {

    public EmailTaken() {
        super(
                409,
                "Conflict",
                "A person with this e-mail address already has an account on the platform",
                List.of(new FieldError("email", "already has an account", "people.email-taken")));
    }
}
