package org.arrival.actionplans.frameworks.domain;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One item of a global or regional framework an action can answer: a recommendation or action of the UN-Habitat
 * guide, an SDG target, an objective of one of the two Global Compacts, or a New Urban Agenda paragraph.
 *
 * @param parent the item this one belongs to (an action's recommendation, e.g. {@code UNH-R2} for {@code UNH-R2.1})
 */
public record FrameworkItem(
        String code,
        String framework,
        String title,
        @Nullable String parent) {

    /** The contract's pattern for framework item codes. */
    public static final Pattern CODE = Pattern.compile(
            "^(SDG-[0-9]{1,2}\\.[0-9a-z]{1,2}|GCM-([1-9]|1[0-9]|2[0-3])|GCR-[A-Z0-9.-]{1,20}|UNH-R([1-9]|10)(\\.[0-9])?|NUA-[0-9]{1,3})$");

    /** The framework a well-formed code belongs to: its prefix ({@code SDG}, {@code GCM}, ...). */
    public static String frameworkOf(String code) {
        return code.substring(0, code.indexOf('-'));
    }

    /** The item a code belongs to, if any: {@code UNH-R2} for {@code UNH-R2.1}. */
    public static @Nullable String parentOf(String code) {
        if (code.startsWith("UNH-R") && code.contains(".")) {
            return code.substring(0, code.indexOf('.'));
        }
        return null;
    }
}
