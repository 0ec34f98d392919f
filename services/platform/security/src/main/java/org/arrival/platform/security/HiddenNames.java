package org.arrival.platform.security;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The names and acronyms of the organisations hidden from a reader, taken out of the words people type (an agenda
 * item's title, minutes, a decision's text, the work an assignment expects): each occurrence of a name as a whole word,
 * in any casing, is replaced by {@link #PLACEHOLDER}. The record of a hidden organisation is withheld from an
 * enforcement body by the read policy; this keeps its name from reaching it through what a chair or a secretariat
 * wrote.
 * <p>
 * Longer names are replaced first, so "Umoja Refugee Association" goes as a whole before "Umoja". A name is never
 * taken out of a longer word ("Umoja" stays in "Umojaville"). Spaces in a name match any run of spaces or line breaks,
 * the typographic apostrophe and hyphens match the plain ones, and accented letters match whether they were typed
 * composed or decomposed. For a reader who is not an enforcement body, nothing is hidden.
 */
public final class HiddenNames {

    /** What replaces a hidden name: no word of any language, so it reads the same in every translation. */
    public static final String PLACEHOLDER = "[…]";

    private static final HiddenNames NONE = new HiddenNames(null);
    private static final String WORD = "[\\p{L}\\p{N}\\p{M}_]";

    private final @Nullable Pattern pattern;

    private HiddenNames(@Nullable Pattern pattern) {
        this.pattern = pattern;
    }

    /** Nothing hidden. */
    public static HiddenNames none() {
        return NONE;
    }

    /** The given names and acronyms hidden (blank ones are ignored). */
    public static HiddenNames of(Collection<? extends @Nullable String> names) {
        Set<String> forms = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String trimmed = name.strip();
            forms.add(Normalizer.normalize(trimmed, Normalizer.Form.NFC));
            forms.add(Normalizer.normalize(trimmed, Normalizer.Form.NFD));
        }
        if (forms.isEmpty()) {
            return NONE;
        }
        String alternatives = forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(HiddenNames::regex)
                .collect(Collectors.joining("|"));
        return new HiddenNames(Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /**
     * The names of the organisations hidden from the viewer: none unless the viewer is an enforcement body, and never
     * the names of the viewer's own organisation.
     *
     * @param namesByOrganisation the names and acronyms of organisations, at least of those hidden from the viewer
     */
    public static HiddenNames from(
            Viewer viewer, Map<UUID, ? extends Collection<? extends @Nullable String>> namesByOrganisation) {
        if (!viewer.enforcementBody() || viewer.hiddenOrganisations().isEmpty()) {
            return NONE;
        }
        return of(namesByOrganisation.entrySet().stream()
                .filter(e -> !viewer.maySeeOrganisation(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .toList());
    }

    /** Whether nothing is hidden: {@link #redact} then returns every text as it is. */
    public boolean isEmpty() {
        return pattern == null;
    }

    /** The text with every hidden name replaced by {@link #PLACEHOLDER}; {@code null} stays {@code null}. */
    public @Nullable String redact(@Nullable String text) {
        if (text == null || pattern == null) {
            return text;
        }
        return pattern.matcher(text).replaceAll(PLACEHOLDER);
    }

    /** {@link #redact} of a text that is never {@code null}. */
    public String redactText(String text) {
        return Objects.requireNonNull(redact(text), "a text stays a text");
    }

    private static String regex(String name) {
        StringBuilder regex = new StringBuilder();
        // a name is whole only where it starts or ends with a letter or a digit: "(URA)" needs no boundary
        if (isWordChar(name.codePointAt(0))) {
            regex.append("(?<!").append(WORD).append(')');
        }
        boolean inSpace = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!inSpace) {
                    regex.append("[\\s\\p{Z}]+");
                }
                inSpace = true;
                continue;
            }
            inSpace = false;
            regex.append(
                    switch (cp) {
                        case '\'', '\u2019', '\u2018', '\u02BC' -> "['\u2019\u2018\u02BC]";
                        case '-', '\u2010', '\u2011', '\u2012', '\u2013' -> "[-\u2010\u2011\u2012\u2013]";
                        default -> Pattern.quote(Character.toString(cp));
                    });
        }
        if (isWordChar(name.codePointBefore(name.length()))) {
            regex.append("(?!").append(WORD).append(')');
        }
        return "(?:" + regex + ")";
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK || cp == '_';
    }
}
