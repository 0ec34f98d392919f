package org.arrival.benchmarks.reads;

import java.util.ArrayList;
import java.util.List;
import org.arrival.benchmarks.pages.WebSession;

/**
 * One signed-in browser per virtual user, all as the reader, signed in one after another (Keycloak takes a crowd
 * of sign-ins of one user at once for an attack) and kept across reads.
 */
final class WebSessions {

    private final String web;
    private final String username;
    private final String password;
    private final List<WebSession> sessions = new ArrayList<>();

    WebSessions(String web, String username, String password) {
        this.web = web;
        this.username = username;
        this.password = password;
    }

    /** Signs in until there are {@code n} sessions. */
    synchronized void signIn(int n) {
        while (sessions.size() < n) {
            sessions.add(WebSession.signIn(web, username, password));
        }
    }

    /** The user's page, as a sample: a page that is Keycloak's login form again counts as 401 (signed out). */
    ClosedLoop.Sample fetch(int user, String path) {
        WebSession session;
        synchronized (this) {
            signIn(user + 1);
            session = sessions.get(user);
        }
        WebSession.Fetched page = session.fetch(path);
        int status = page.status() == 200 && page.body().contains("id=\"kc-form-login\"") ? 401 : page.status();
        return new ClosedLoop.Sample(status, page.wireBytes(), page.nanos());
    }
}
