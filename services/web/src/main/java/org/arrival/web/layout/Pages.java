package org.arrival.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.notifications.NotificationsApi;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.signin.SignedInUser;
import org.arrival.web.signin.SignedInUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds the {@link Page} of a request: for the pages, and for the error pages that render without a controller. */
@Component
public class Pages {

    private static final String ORGANISATION = Pages.class.getName() + ".organisation";

    private final Messages messages;
    private final Languages languages;
    private final SignedInUsers users;
    private final RegistryApi registry;
    private final NotificationsApi notifications;
    private final ResourceUrlProvider resources;
    private final ZoneId zone;

    public Pages(
            Messages messages,
            Languages languages,
            SignedInUsers users,
            RegistryApi registry,
            NotificationsApi notifications,
            ResourceUrlProvider resources,
            @Value("${arrival.web.time-zone:UTC}") String zone) {
        this.messages = messages;
        this.languages = languages;
        this.users = users;
        this.registry = registry;
        this.notifications = notifications;
        this.resources = resources;
        this.zone = ZoneId.of(zone);
    }

    public Page of(HttpServletRequest request) {
        Locale locale = languages.closest(RequestContextUtils.getLocale(request));
        SignedInUser user = users.current(request);
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Page.@Nullable Csrf csrf = token == null ? null : new Page.Csrf(token.getParameterName(), token.getToken());
        String path =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return new Page(
                        locale,
                        messages,
                        new Formats(locale, zone),
                        languages.supported(),
                        user,
                        organisationName(request, user),
                        csrf,
                        path,
                        file -> {
                            String url = resources.getForLookupPath(file);
                            return url == null ? file : url;
                        })
                .unreadNotifications(() -> unread(user));
    }

    /** The person's unread notifications for the header; null when not signed in or the service does not answer. */
    private @Nullable Long unread(@Nullable SignedInUser user) {
        if (user == null || user.organisationId() == null) {
            return null;
        }
        try {
            return notifications.unreadCount();
        } catch (ServiceProblem
                | ServiceUnavailable
                | org.springframework.security.oauth2.client.ClientAuthorizationException e) {
            return null;
        }
    }

    /** The registry's name of the user's organisation, asked once per session. */
    private @Nullable String organisationName(HttpServletRequest request, @Nullable SignedInUser user) {
        if (user == null || user.organisationId() == null) {
            return null;
        }
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(ORGANISATION) instanceof KnownOrganisation known
                && known.id().equals(user.organisationId())) {
            return known.name();
        }
        try {
            RegistryApi.Organisation organisation = registry.organisation(user.organisationId());
            String name = organisation == null ? null : organisation.name();
            if (name != null && session != null) {
                session.setAttribute(ORGANISATION, new KnownOrganisation(user.organisationId(), name));
            }
            return name;
        } catch (ServiceProblem | ServiceUnavailable e) {
            return null;
        }
    }

    record KnownOrganisation(UUID id, String name) implements java.io.Serializable {}
}
