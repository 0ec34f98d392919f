package org.arrival.actionplans.spreadsheets.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arrival.platform.spreadsheets.imports.SheetKeys;
import org.jspecify.annotations.Nullable;

/**
 * The kind of records a spreadsheet holds, named in the API's {@code records} parameter in lower case: actions (with
 * their progress reports), milestones, funding lines. Each has its sheet: keys, headings, drop-downs and date columns.
 */
public enum RecordKind {
    ACTIONS("actions", "Actions"),
    MILESTONES("milestones", "Milestones"),
    FUNDING_LINES("funding-lines", "Funding lines");

    private final String parameter;
    private final String sheetName;

    RecordKind(String parameter, String sheetName) {
        this.parameter = parameter;
        this.sheetName = sheetName;
    }

    /** The value of the {@code records} parameter, as the JSON shows it too. */
    public String parameter() {
        return parameter;
    }

    public String sheetName() {
        return sheetName;
    }

    /** The kind a {@code records} parameter names; actions when it is absent. */
    public static RecordKind named(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return ACTIONS;
        }
        return Arrays.stream(values())
                .filter(k -> k.parameter.equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + allowed()));
    }

    public static String allowed() {
        return String.join(
                ", ", Arrays.stream(values()).map(RecordKind::parameter).toList());
    }

    public List<String> keys() {
        return switch (this) {
            case ACTIONS -> ActionSheet.KEYS;
            case MILESTONES -> MilestoneSheet.KEYS;
            case FUNDING_LINES -> FundingSheet.KEYS;
        };
    }

    public List<String> headings(@Nullable Locale locale) {
        return switch (this) {
            case ACTIONS -> ActionSheet.headings(locale);
            case MILESTONES -> MilestoneSheet.headings(locale);
            case FUNDING_LINES -> FundingSheet.headings(locale);
        };
    }

    public Map<String, List<String>> choices() {
        return switch (this) {
            case ACTIONS -> ActionSheet.choices();
            case MILESTONES -> MilestoneSheet.choices();
            case FUNDING_LINES -> FundingSheet.choices();
        };
    }

    public Set<String> dateKeys() {
        return Set.copyOf(
                switch (this) {
                    case ACTIONS -> ActionSheet.DATE_KEYS;
                    case MILESTONES -> MilestoneSheet.DATE_KEYS;
                    case FUNDING_LINES -> List.<String>of();
                });
    }

    /** What keeps a file's key row from being read as this kind's; empty when it can be. */
    public List<String> keyProblems(List<String> keys) {
        return switch (this) {
            case ACTIONS -> ActionSheet.keyProblems(keys);
            case MILESTONES -> SheetKeys.problems(keys, MilestoneSheet.KEYS, MilestoneSheet.NEEDED);
            case FUNDING_LINES -> SheetKeys.problems(keys, FundingSheet.KEYS, FundingSheet.NEEDED);
        };
    }

    /** Another kind whose key row the file holds, when it cannot be read as this kind's. */
    public Optional<RecordKind> otherKindOf(List<String> keys) {
        return Arrays.stream(values())
                .filter(k -> k != this && k.keyProblems(keys).isEmpty())
                .findFirst();
    }
}
