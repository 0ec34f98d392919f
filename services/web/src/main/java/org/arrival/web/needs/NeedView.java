package org.arrival.web.needs;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.assessments.AssessmentsApi.Input;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.problems.Choice;
import org.jspecify.annotations.Nullable;

/**
 * A need's page: the need, who owns it, what addresses it and what others contributed, and what the reader may do
 * with it (only what the assessments service would accept: its owner's editors move an open need along its
 * lifecycle and edit it; other organisations' editors contribute inputs).
 *
 * @param nextSteps the statuses the need may move to now, ADDRESSED only once an action is linked
 * @param hiddenActions how many linked actions the reader may not see
 * @param linkable the owner's actions that may be linked to it, by title
 */
public record NeedView(
        Need need,
        @Nullable String ownerName,
        boolean mine,
        boolean editable,
        List<String> nextSteps,
        List<LinkedAction> actions,
        int hiddenActions,
        List<InputItem> inputs,
        @Nullable String roundTitle,
        List<String> forums,
        boolean mayContribute,
        List<Choice> linkable) {

    /** An action that addresses the need, as the reader may see it. */
    public record LinkedAction(UUID id, String title) {}

    /** An input about the need, its contributor named as the registry shows it (null: an organisation hidden). */
    public record InputItem(Input input, @Nullable String contributorName, boolean ours) {}

    /** The lifecycle: where a need may go from each status (the assessments service's rule). */
    static final Map<String, List<String>> NEXT = Map.of(
            "IDENTIFIED", List.of("VALIDATED", "DEPRIORITISED"),
            "VALIDATED", List.of("PRIORITISED", "RESOLVED", "DEPRIORITISED"),
            "PRIORITISED", List.of("ADDRESSED", "RESOLVED", "DEPRIORITISED"),
            "ADDRESSED", List.of("RESOLVED", "DEPRIORITISED"));

    /** The steps a need may take now: none once closed; ADDRESSED only with a linked action. */
    static List<String> nextSteps(Need need) {
        return NEXT.getOrDefault(need.status(), List.of()).stream()
                .filter(s -> !"ADDRESSED".equals(s) || !need.actionIds().isEmpty())
                .toList();
    }

    static boolean open(Need need) {
        return NEXT.containsKey(need.status());
    }

    private static final Map<String, String> SYMBOLS = Map.of(
            "IDENTIFIED",
            "○",
            "VALIDATED",
            "◔",
            "PRIORITISED",
            "▲",
            "ADDRESSED",
            "◑",
            "RESOLVED",
            "●",
            "DEPRIORITISED",
            "✕");

    /** The symbol that marks a status beside its colour and its words. */
    public static String symbol(String status) {
        return SYMBOLS.getOrDefault(status, "•");
    }

    public String path() {
        return "/needs/" + need.id();
    }

    /** A prioritised need may be marked as being addressed in the same step as linking an action. */
    public boolean addressOnLink() {
        return "PRIORITISED".equals(need.status());
    }
}
