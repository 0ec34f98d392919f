package org.arrival.registry.people.realm;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the registry reaches the identity provider's admin API: the realm's address (its issuer, possibly at a
 * back-channel address), the confidential client the registry signs in as (client credentials), and how long an
 * invitation's set-password link stays valid.
 */
@ConfigurationProperties("arrival.people")
public record RealmSettings(URI realmUri, String clientId, String clientSecret, int invitationHours) {

    public RealmSettings {
        if (invitationHours <= 0) {
            invitationHours = 72;
        }
    }

    /** {@code .../realms/arrival} becomes {@code .../admin/realms/arrival}. */
    public URI adminUri() {
        String realm = realmUri.toString().replaceAll("/+$", "");
        int at = realm.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalStateException("arrival.people.realm-uri must end in /realms/<realm>: " + realm);
        }
        return URI.create(realm.substring(0, at) + "/admin" + realm.substring(at));
    }

    public URI tokenUri() {
        return URI.create(realmUri.toString().replaceAll("/+$", "") + "/protocol/openid-connect/token");
    }
}
