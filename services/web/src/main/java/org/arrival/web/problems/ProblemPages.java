package org.arrival.web.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.layout.Pages;
import org.arrival.web.signin.SignInConfiguration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A service's refusal or absence as a page in the reader's words: what they may not do (403), a record that does
 * not exist for them (404, the same words whether it exists or is hidden), a service that is down (503). Refusals a
 * form can show (bad input, 412) never reach here: {@link FormResult} keeps them on the form.
 */
@ControllerAdvice
public class ProblemPages {

    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

    private final Pages pages;

    public ProblemPages(Pages pages) {
        this.pages = pages;
    }

    /** The kinds of problem page, each with its heading and explanation in the bundles ({@code problem.<kind>.*}). */
    public enum Kind {
        NOT_FOUND(404),
        FORBIDDEN(403),
        UNAVAILABLE(503),
        REFUSED(400),
        SIGNED_OUT(401),
        UNEXPECTED(500);

        public final int status;

        Kind(int status) {
            this.status = status;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    @ExceptionHandler(ServiceProblem.class)
    public Object refused(ServiceProblem problem, HttpServletRequest request, HttpServletResponse response) {
        if (problem.status() == 401) {
            // the service no longer takes the token: sign in again, then come back
            return "redirect:" + SignInConfiguration.SIGN_IN_PATH;
        }
        Kind kind = problem.notFound() ? Kind.NOT_FOUND : problem.forbidden() ? Kind.FORBIDDEN : Kind.REFUSED;
        return view(kind, request, problem.service().name(), kind == Kind.REFUSED ? problem.detail() : null);
    }

    @ExceptionHandler(ServiceUnavailable.class)
    public ModelAndView unavailable(ServiceUnavailable e, HttpServletRequest request) {
        log.warn("{}", e.getMessage());
        return view(Kind.UNAVAILABLE, request, e.service().name(), null);
    }

    @ExceptionHandler({NoResourceFoundException.class, MethodArgumentTypeMismatchException.class})
    public ModelAndView notFound(Exception e, HttpServletRequest request) {
        return view(Kind.NOT_FOUND, request, null, null);
    }

    /** The refresh token no longer works (the Keycloak session ended): sign in again. */
    @ExceptionHandler(ClientAuthorizationException.class)
    public String authorizationEnded(ClientAuthorizationException e) throws ClientAuthorizationException {
        if (e instanceof ClientAuthorizationRequiredException required) {
            throw required; // the OAuth2 client's filter starts the sign-in and comes back to this page
        }
        return "redirect:" + SignInConfiguration.SIGN_IN_PATH;
    }

    ModelAndView view(Kind kind, HttpServletRequest request, @Nullable String service, @Nullable String detail) {
        ModelAndView view = new ModelAndView("problems/problem");
        view.addObject("page", pages.of(request));
        view.addObject("kind", kind);
        view.addObject("service", service);
        view.addObject("detail", detail);
        view.setStatus(HttpStatus.valueOf(kind.status));
        return view;
    }
}
