package org.arrival.platform.idempotency;

import org.jspecify.annotations.Nullable;

/** What the first run of a request answered, as far as a retry is told again: status, the headers that matter, body. */
public record StoredAnswer(
        int status,
        @Nullable String contentType,
        @Nullable String location,
        @Nullable String etag,
        byte[] body) {}
