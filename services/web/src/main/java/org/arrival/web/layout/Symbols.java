package org.arrival.web.layout;

import java.util.Map;

/** The symbols that mark a state beside its colour and its words, so colour is never the only sign. */
public final class Symbols {

    private static final Map<String, String> STATUS = Map.of(
            "PROPOSED",
            "○",
            "COMMITTED",
            "◔",
            "IN_PROGRESS",
            "◑",
            "ON_HOLD",
            "‖",
            "COMPLETED",
            "●",
            "EVALUATED",
            "★",
            "CANCELLED",
            "✕");
    private static final Map<String, String> RAG = Map.of("GREEN", "●", "AMBER", "▲", "RED", "■");
    private static final Map<String, String> COVERAGE = Map.of("COVERED", "✓", "PARTLY_COVERED", "◐", "UNCOVERED", "✗");

    private Symbols() {}

    public static String status(String code) {
        return STATUS.getOrDefault(code, "•");
    }

    public static String rag(String code) {
        return RAG.getOrDefault(code, "•");
    }

    public static String coverage(String code) {
        return COVERAGE.getOrDefault(code, "?");
    }
}
