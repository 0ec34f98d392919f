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
        KnownOrganisation organisation = organisation(request, user);
        return new Page(
                        locale,
                        messages,
                        new Formats(locale, zone),
                        languages.supported(),
                        user,
                        organisation == null ? null : organisation.name(),
                        csrf,
                        path,
                        file -> {
                            String url = resources.getForLookupPath(file);
                            return url == null ? file : url;
                        })
                .enforcementBody(organisation != null && Boolean.TRUE.equals(organisation.enforcementBody()))
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

    /**
     * The registry's name of the user's organisation and whether it is an enforcement body, asked once per session
     * (again for a session kept from before the registry was asked the latter).
     */
    private @Nullable KnownOrganisation organisation(HttpServletRequest request, @Nullable SignedInUser user) {
        if (user == null || user.organisationId() == null) {
            return null;
        }
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(ORGANISATION) instanceof KnownOrganisation known
                && known.id().equals(user.organisationId())
                && known.enforcementBody() != null) {
            return known;
        }
        try {
            RegistryApi.Organisation organisation = registry.organisation(user.organisationId());
            if (organisation == null) {
                return null;
            }
            KnownOrganisation known = new KnownOrganisation(
                    user.organisationId(), organisation.name(), Boolean.TRUE.equals(organisation.enforcementBody()));
            if (organisation.name() != null && session != null) {
                session.setAttribute(ORGANISATION, known);
            }
            return known;
        } catch (ServiceProblem | ServiceUnavailable e) {
            return null;
        }
    }

    record KnownOrganisation(
            UUID id, @Nullable String name, @Nullable Boolean enforcementBody) implements java.io.Serializable {}
}
