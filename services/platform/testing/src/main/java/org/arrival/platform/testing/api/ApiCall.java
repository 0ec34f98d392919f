package org.arrival.platform.testing.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A concrete HTTP request to a service: method, path with its query already encoded, headers and a JSON body.
 * Immutable; the {@code with...} methods return changed copies.
 */
public record ApiCall(
        String method,
        String path,
        Map<String, String> headers,
        @Nullable String body) {

    public ApiCall {
        headers = Map.copyOf(headers);
    }

    public static ApiCall get(String path) {
        return new ApiCall("GET", path, Map.of(), null);
    }

    public static ApiCall post(String path, String json) {
        return new ApiCall("POST", path, Map.of(), json);
    }

    public static ApiCall put(String path, String json) {
        return new ApiCall("PUT", path, Map.of(), json);
    }

    public static ApiCall patch(String path, String json) {
        return new ApiCall("PATCH", path, Map.of(), json);
    }

    public static ApiCall delete(String path) {
        return new ApiCall("DELETE", path, Map.of(), null);
    }

    public ApiCall header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiCall(method, path, copy, body);
    }

    public ApiCall ifMatch(String etag) {
        return header("If-Match", etag);
    }

    public ApiCall withBody(String json) {
        return new ApiCall(method, path, headers, json);
    }

    public ApiCall withPath(String newPath) {
        return new ApiCall(method, newPath, headers, body);
    }

    /** Sends the call with the bearer token (none when null) and answers what came back. */
    public MockHttpServletResponse perform(MockMvc mvc, @Nullable String bearer) {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(HttpMethod.valueOf(method), URI.create(path));
        headers.forEach(request::header);
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            throw new AssertionError(this + " could not be sent or failed inside the service", e);
        }
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        return method + " " + (path.length() > 300 ? path.substring(0, 300) + "..." : path)
                + (headers.isEmpty() ? "" : " " + headers) + shown;
    }
}
