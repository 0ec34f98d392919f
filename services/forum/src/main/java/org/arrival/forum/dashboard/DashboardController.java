package org.arrival.forum.dashboard;

import java.util.List;

import org.arrival.platform.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The browser dashboard's settings: where it signs in. Served without a token, since the page needs it first. */
@RestController
@Tag(name = "Dashboard", description = "The forum dashboard for browsers, at /dashboard/")
public class DashboardController {

    private final DashboardSettings settings;

    public DashboardController(DashboardSettings settings) {
        this.settings = settings;
    }

    /** The page's sign-in settings. */
    public record Config(String issuer, String clientId, String scope, List<String> languages) {
    }

    @Operation(summary = "The dashboard's sign-in settings: OpenID issuer, public client id, scope, languages",
            description = "No token needed. The page discovers the issuer's endpoints from "
                    + "<issuer>/.well-known/openid-configuration and signs in with the authorization code flow and "
                    + "PKCE (S256).")
    @GetMapping(path = "/dashboard/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Config> config() {
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            throw new NotConfigured();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new Config(settings.issuer(), settings.clientId(), settings.scope(), settings.languages()));
    }

    static class NotConfigured extends ApiException {
        NotConfigured() {
            super(503, "Service Unavailable", "The dashboard has no OpenID issuer: set arrival.forum.dashboard.issuer "
                    + "(or arrival.security.issuer-uri)", List.of());
        }
    }
}
