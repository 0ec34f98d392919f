package org.arrival.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first check of every request, before anything reads it: a path, query parameter or form value holding a
 * control character or a lone surrogate is refused with 400, and a body larger than the limit with 413 (whether it
 * announces its length or is sent in chunks).
 */
public class RequestGuard extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final ProblemWriter problems;

    public RequestGuard(long maxBodyBytes, ProblemWriter problems) {
        this.maxBodyBytes = maxBodyBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            problems.write(response, new PayloadTooLarge(maxBodyBytes));
            return;
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        String pathProblem = pathProblem(request.getRequestURI());
        if (pathProblem != null) {
            errors.add(new ApiException.FieldError("path", pathProblem, "text.control-character"));
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String nameProblem = RequestBodyScreen.controlProblem(parameter.getKey());
            if (nameProblem != null) {
                errors.add(new ApiException.FieldError(
                        "query", "a parameter name " + nameProblem, "text.control-character"));
                continue;
            }
            for (String value : parameter.getValue()) {
                String problem = RequestBodyScreen.controlProblem(value);
                if (problem != null) {
                    errors.add(new ApiException.FieldError(parameter.getKey(), problem, "text.control-character"));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            problems.write(
                    response,
                    new InvalidInput(
                            errors.stream()
                                    .map(e -> e.field() + ": " + e.message())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""),
                            errors));
            return;
        }
        if (length < 0 && hasBody(request)) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                problems.write(response, new PayloadTooLarge(maxBodyBytes));
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable String pathProblem(@Nullable String uri) {
        if (uri == null) {
            return null;
        }
        try {
            return RequestBodyScreen.controlProblem(
                    java.net.URLDecoder.decode(uri.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return "is not a valid address";
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method);
    }
}
