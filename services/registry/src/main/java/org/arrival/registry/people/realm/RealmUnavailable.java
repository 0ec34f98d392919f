package org.arrival.registry.people.realm;

import java.util.List;
import org.arrival.platform.web.ApiException;

/** 503: the identity provider could not be reached or refused the registry's own client; nothing was changed. */
public class RealmUnavailable extends ApiException {

    public RealmUnavailable(String detail) {
        super(503, "Identity provider unavailable", detail, List.of());
    }
}
