package org.arrival.benchmarks.pages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A person in the web application as a browser would be one: a cookie jar, signed in through Keycloak's own login
 * form (the authorization code flow the web application runs), asking for compressed pages.
 */
public final class WebSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient client;
    private final String web;

    /** A page as it came: status, compressed size on the wire, its HTML and how long it took to the last byte. */
    public record Fetched(int status, long wireBytes, String body, long nanos) {}

    private WebSession(String web) {
        this.web = web;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs the user in on Keycloak's login page, starting from the web application's home page. */
    public static WebSession signIn(String web, String username, String password) {
        WebSession session = new WebSession(web);
        Fetched login = session.fetch("/");
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (!form.find()) {
            throw new IllegalStateException(
                    "no Keycloak login form after opening " + web + " (status " + login.status() + ")");
        }
        String action = form.group(1).replace("&amp;", "&");
        String credentials = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<byte[]> home = session.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)));
        if (home.statusCode() != 200 || !home.uri().toString().startsWith(web)) {
            throw new IllegalStateException(
                    username + " could not sign in: " + home.statusCode() + " at " + home.uri());
        }
        return session;
    }

    /** Asks for a path of the web application as a browser does (gzip accepted), timing it to the last byte. */
    public Fetched fetch(String path) {
        URI uri = path.startsWith("http") ? URI.create(path) : URI.create(web + path);
        long start = System.nanoTime();
        HttpResponse<byte[]> response = send(
                HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").header("Accept", "text/html,*/*"));
        long nanos = System.nanoTime() - start;
        byte[] wire = response.body();
        boolean gzip = response.headers()
                .firstValue("Content-Encoding")
                .map("gzip"::equalsIgnoreCase)
                .orElse(false);
        return new Fetched(response.statusCode(), wire.length, text(wire, gzip), nanos);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String text(byte[] wire, boolean gzip) {
        if (!gzip) {
            return new String(wire, StandardCharsets.UTF_8);
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cookies as a browser keeps them for a loopback address: Keycloak marks its login cookies Secure, which browsers
     * still send to 127.0.0.1 over plain HTTP, but Java's cookie manager would not, and the login would be refused.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure\\s*(?=;|$)");

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            String host = uri.getHost();
            if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
                cookies.put(uri, headers);
                return;
            }
            Map<String, List<String>> kept = new LinkedHashMap<>();
            headers.forEach((name, values) -> kept.put(
                    name,
                    name != null && name.equalsIgnoreCase("Set-Cookie")
                            ? values.stream()
                                    .map(v -> SECURE.matcher(v).replaceAll(""))
                                    .toList()
                            : values));
            cookies.put(uri, kept);
        }
    }
}
