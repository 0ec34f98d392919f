package org.arrival.assessments.checklist.reference;

import java.util.List;
import java.util.Map;

/**
 * The shape of a checklist YAML file, as read before validation. Enumerations stay strings here so that a bad value is
 * reported by {@link InstrumentReader} with its code and context rather than as a bare parse error.
 */
record InstrumentDocument(String id, Integer version, String title, SourceDocument source,
        Map<String, Integer> scoring, List<RecommendationDocument> recommendations) {

    record SourceDocument(String author, Integer year, String title, String reference) {
    }

    record RecommendationDocument(String code, String title, String theme, Integer printedTotal,
            List<ActionDocument> actions) {
    }

    record ActionDocument(String code, String title, List<String> stakeholderGroups, Integer printedMax,
            List<QuestionDocument> questions) {
    }

    record QuestionDocument(String code, String text) {
    }
}
