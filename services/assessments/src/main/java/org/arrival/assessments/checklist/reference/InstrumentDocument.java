package org.arrival.assessments.checklist.reference;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a checklist YAML file, as read before validation. Enumerations stay strings here so that a bad value is
 * reported by {@link InstrumentReader} with its code and context rather than as a bare parse error. Any field, and
 * any list entry, may be missing from the file: the reader reports each one that is.
 */
record InstrumentDocument(
        @Nullable String id,
        @Nullable Integer version,
        @Nullable String title,
        @Nullable SourceDocument source,
        @Nullable Map<String, @Nullable Integer> scoring,
        @Nullable List<@Nullable RecommendationDocument> recommendations) {

    record SourceDocument(
            @Nullable String author,
            @Nullable Integer year,
            @Nullable String title,
            @Nullable String reference) {}

    record RecommendationDocument(
            @Nullable String code,
            @Nullable String title,
            @Nullable String theme,
            @Nullable Integer printedTotal,
            @Nullable List<@Nullable ActionDocument> actions) {}

    record ActionDocument(
            @Nullable String code,
            @Nullable String title,
            @Nullable List<@Nullable String> stakeholderGroups,
            @Nullable Integer printedMax,
            @Nullable List<@Nullable QuestionDocument> questions) {}

    record QuestionDocument(@Nullable String code, @Nullable String text) {}
}
