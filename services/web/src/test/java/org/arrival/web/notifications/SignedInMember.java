package org.arrival.web.notifications;

import java.util.UUID;
import org.arrival.web.SignedIn;
import org.arrival.web.signin.SignInConfiguration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The NGO's editor signed in to the web application, with the given realm roles. */
public final class SignedInMember {

    public static final UUID ORG = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");

    private SignedInMember() {}

    public static RequestPostProcessor of(ClientRegistrationRepository registrations, String... roles) {
        return SignedIn.as("ngo-editor", ORG, roles)
                .on(registrations.findByRegistrationId(SignInConfiguration.REGISTRATION));
    }
}
