package org.arrival.notifications.texts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notification says, in no language: a {@code code} (the event's simple name, such as
 * {@code ProgressReported}, or {@code RecordChanged}) and its {@code parameters} (names, titles, codes of the
 * contracts' enums, ISO dates, numbers, and the authors' own words in {@code text} and {@code reason}). The inbox API
 * gives both to clients, which word them in their reader's language; {@link Texts} words them here for e-mails and
 * digests, from the bundles in {@code messages/}.
 */
public record Notice(String code, Map<String, Object> parameters) {

    public Notice {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
