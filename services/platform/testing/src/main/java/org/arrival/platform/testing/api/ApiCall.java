package org.arrival.platform.testing.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A concrete HTTP request to a service: method, path with its query already encoded, headers and a JSON body, or a
 * file uploaded as one part of a multipart/form-data body. Immutable; the {@code with...} methods return changed
 * copies.
 */
public record ApiCall(
        String method,
        String path,
        Map<String, String> headers,
        @Nullable String body,
        @Nullable Upload upload) {

    public ApiCall {
        headers = Map.copyOf(headers);
    }

    public ApiCall(String method, String path, Map<String, String> headers, @Nullable String body) {
        this(method, path, headers, body, null);
    }

    /** A file sent as the part {@code part} of a multipart/form-data body. */
    public record Upload(String part, String fileName, byte[] content) {}

    /** A POST of one file as a multipart/form-data part. */
    public static ApiCall upload(String path, String part, String fileName, byte[] content) {
        return new ApiCall("POST", path, Map.of(), null, new Upload(part, fileName, content.clone()));
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
        return new ApiCall(method, path, copy, body, upload);
    }

    public ApiCall ifMatch(String etag) {
        return header("If-Match", etag);
    }

    public ApiCall withBody(String json) {
        return new ApiCall(method, path, headers, json, upload);
    }

    public ApiCall withPath(String newPath) {
        return new ApiCall(method, newPath, headers, body, upload);
    }

    /** Sends the call with the bearer token (none when null) and answers what came back. */
    public MockHttpServletResponse perform(MockMvc mvc, @Nullable String bearer) {
        AbstractMockHttpServletRequestBuilder<?> request;
        if (upload != null) {
            request = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(method), URI.create(path))
                    .file(new MockMultipartFile(
                            upload.part(), upload.fileName(), "application/octet-stream", upload.content()));
        } else {
            MockHttpServletRequestBuilder plain =
                    MockMvcRequestBuilders.request(HttpMethod.valueOf(method), URI.create(path));
            if (body != null) {
                plain.contentType(MediaType.APPLICATION_JSON).content(body);
            }
            request = plain;
        }
        headers.forEach(request::header);
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            throw new AssertionError(this + " could not be sent or failed inside the service", e);
        }
    }

    @Override
    public String toString() {
        String shown = upload != null
                ? " (file " + upload.fileName() + ", " + upload.content().length + " bytes)"
                : body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        return method + " " + (path.length() > 300 ? path.substring(0, 300) + "..." : path)
                + (headers.isEmpty() ? "" : " " + headers) + shown;
    }
}
