package org.arrival.platform.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.arrival.platform.security.CallerAuthentication;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.DatabaseUnavailable;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.ProblemWriter;
import org.arrival.platform.web.ReadBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Writes (POST, PUT, PATCH, DELETE) sent with an {@code Idempotency-Key} header run once per user and key. The
 * first request with a key runs and its answer is kept (unless it was a 5xx, a 429 or an exception: then the key is
 * freed and a retry runs again); a retry of the same request (method, path, query and body) gets that answer again
 * with {@code Idempotent-Replayed: true} and runs nothing; a retry while the first still runs gets 409 with
 * {@code Retry-After: 1}; the key sent with a different request gets 422. Keys are the caller's own: another
 * user's key never matches. Requests without the header, and requests no caller is known for, pass untouched.
 *
 * <p>It runs after Spring Security (the caller is known) and outside the handler, so rate limits, body screening and
 * problem answers of the run itself are what is kept and replayed.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotentRequests requests;
    private final ProblemWriter problems;
    private final Duration unavailableRetryAfter;

    public IdempotencyFilter(IdempotentRequests requests, ProblemWriter problems, Duration unavailableRetryAfter) {
        this.requests = requests;
        this.problems = problems;
        this.unavailableRetryAfter = unavailableRetryAfter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> keys = Collections.list(request.getHeaders(KEY_HEADER));
        String problem = keys.size() == 1 ? keyProblem(keys.getFirst()) : "must be sent only once";
        if (problem != null) {
            problems.write(
                    response,
                    new InvalidInput(
                            KEY_HEADER + ": " + problem,
                            List.of(new ApiException.FieldError(
                                    KEY_HEADER, problem, "idempotency-key.invalid", Map.of("max", MAX_KEY_LENGTH)))));
            return;
        }
        String userId = userId();
        if (userId == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletRequest again = new ReadBody(request, body);
        String fingerprint = RequestFingerprint.of(
                request.getMethod(), request.getRequestURI(), request.getQueryString(), content(request, body));
        Claim claim;
        try {
            claim = requests.claim(userId, keys.getFirst(), fingerprint);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.is(e)) {
                throw e;
            }
            unavailable(response, e);
            return;
        }
        switch (claim) {
            case Claim.Started started -> run(started.attempt(), again, response, chain);
            case Claim.Answered answered -> replay(answered.answer(), response);
            case Claim.Running running -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(
                        response,
                        HttpStatus.CONFLICT,
                        "Request in progress",
                        "a request with this Idempotency-Key is still being processed; retry later");
            }
            case Claim.OtherRequest other ->
                problems.write(
                        response,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Idempotency-Key reused",
                        "this Idempotency-Key was used for a different request");
        }
    }

    /**
     * What the request sends: its body, or for a multipart request, whose parts the container has already read,
     * each part's name, file name and bytes.
     */
    private static byte[] content(HttpServletRequest request, byte[] body) throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return body;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(body);
        for (Part part : request.getParts()) {
            String head = part.getName() + "\n" + part.getSubmittedFileName() + "\n" + part.getSize() + "\n";
            all.write(head.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = part.getInputStream()) {
                in.transferTo(all);
            }
        }
        return all.toByteArray();
    }

    /** What is wrong with a key, or null: 1 to 200 printable ASCII characters. */
    static @Nullable String keyProblem(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return "must be 1 to " + MAX_KEY_LENGTH + " characters long";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return "must be printable ASCII characters only";
            }
        }
        return null;
    }

    private void run(Claim.Attempt attempt, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            releaseQuietly(attempt);
            throw e;
        }
        int status = captured.getStatus();
        // a failure, or a refusal to be tried again later (rate limit), is no answer to keep: a retry runs again
        if (status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
            releaseQuietly(attempt);
        } else {
            try {
                requests.complete(attempt, keptAnswer(captured, status));
            } catch (RuntimeException e) {
                log.warn("could not keep the answer of an idempotent request, its key is freed: {}", e.toString());
                releaseQuietly(attempt);
            }
        }
        captured.copyBodyToResponse();
    }

    /**
     * The answer to keep for retries: the answer itself, unless it may not be stored (Cache-Control: no-store, as an
     * answer holding a secret is); then a 409 saying that the request was carried out and its answer is not kept.
     */
    private StoredAnswer keptAnswer(ContentCachingResponseWrapper captured, int status) {
        String cache = captured.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cache != null && cache.toLowerCase(Locale.ROOT).contains("no-store") && status < 400) {
            return new StoredAnswer(
                    HttpStatus.CONFLICT.value(),
                    MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    captured.getHeader(HttpHeaders.LOCATION),
                    null,
                    problems.body(
                            HttpStatus.CONFLICT,
                            "Answer not kept",
                            "The first request with this Idempotency-Key was carried out; its answer held what is"
                                    + " shown only once (a secret) and is not kept. Read the record to see it."));
        }
        return new StoredAnswer(
                status,
                captured.getContentType(),
                captured.getHeader(HttpHeaders.LOCATION),
                captured.getHeader(HttpHeaders.ETAG),
                captured.getContentAsByteArray());
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private void unavailable(HttpServletResponse response, RuntimeException e) throws IOException {
        log.warn("database unavailable, answered 503: {}", e.toString());
        long seconds = Math.max(1, unavailableRetryAfter.toSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service unavailable",
                "The service's database is busy or unreachable, so the request was not carried out. Try again in "
                        + seconds + " seconds.");
    }

    private void releaseQuietly(Claim.Attempt attempt) {
        try {
            requests.release(attempt);
        } catch (RuntimeException e) {
            log.warn(
                    "could not free an Idempotency-Key after a failed request; a retry takes it over once it is"
                            + " abandoned (arrival.idempotency.abandon-after): {}",
                    e.toString());
        }
    }

    private static @Nullable String userId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof CallerAuthentication caller ? caller.caller().userId() : null;
    }
}
