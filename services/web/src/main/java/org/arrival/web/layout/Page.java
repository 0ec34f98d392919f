package org.arrival.web.layout;

import gg.jte.support.LocalizationSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;

/**
 * What every template knows about the request it renders: the reader's language and its direction, the texts and
 * formats in that language, the signed-in person and their organisation, the form protection token, and where the
 * page is (for the language switcher and links back).
 */
public final class Page implements LocalizationSupport {

    private final Locale locale;
    private final Messages messages;
    private final Formats formats;
    private final List<Locale> languages;
    private final @Nullable SignedInUser user;
    private final @Nullable String organisationName;
    private final @Nullable Csrf csrf;
    private final String path;
    private final Assets assets;
    private java.util.function.Supplier<@Nullable Long> unread = () -> null;
    private @Nullable Long unreadCount;
    private boolean unreadAsked;
    private boolean enforcementBody;

    /** The form protection token: the field's name and its value. */
    public record Csrf(String parameterName, String token) {}

    /** Static files' addresses (with a content version, so they can be cached for long). */
    @FunctionalInterface
    public interface Assets {
        String url(String path);
    }

    public Page(
            Locale locale,
            Messages messages,
            Formats formats,
            List<Locale> languages,
            @Nullable SignedInUser user,
            @Nullable String organisationName,
            @Nullable Csrf csrf,
            String path,
            Assets assets) {
        this.locale = locale;
        this.messages = messages;
        this.formats = formats;
        this.languages = languages;
        this.user = user;
        this.organisationName = organisationName;
        this.csrf = csrf;
        this.path = path;
        this.assets = assets;
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.toLanguageTag();
    }

    /** {@code rtl} for Arabic and other right-to-left languages, else {@code ltr}. */
    public String dir() {
        return Languages.rightToLeft(locale) ? "rtl" : "ltr";
    }

    public List<Locale> languages() {
        return languages;
    }

    /** A language's own name, as its speakers write it ("Français", "العربية"). */
    public String languageName(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty()
                ? language.toLanguageTag()
                : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    /** A text of the bundles. */
    public String t(String key) {
        return messages.text(locale, key, Map.of());
    }

    /** A text with named arguments given as pairs: {@code t("tracker.count", "shown", 3, "total", 10)}. */
    public String t(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments of " + key + " come in name-value pairs");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return messages.text(locale, key, arguments);
    }

    /** The label of a code of the contracts, e.g. {@code label("Sector", "HOUSING")}. */
    public String label(String kind, @Nullable String code) {
        if (code == null || code.isBlank()) {
            return t("common.none");
        }
        String key = "label." + kind + "." + code;
        if (messages.has(locale, key)) {
            return t(key);
        }
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /**
     * A service's complaint about a field in the reader's words: from the bundles by its code
     * ({@code error.personal-data.phone}, with the code's parameters), else the service's own message.
     */
    public String fieldError(ServiceProblem.FieldError error) {
        String words = org.arrival.web.problems.FieldErrorTexts.word(error, locale);
        return words == null ? t("error.unknown") : words;
    }

    public String label(@Nullable Enum<?> value) {
        return value == null
                ? t("common.none")
                : label(value.getDeclaringClass().getSimpleName(), value.name());
    }

    @Override
    public String lookup(String key) {
        return t(key);
    }

    public Formats format() {
        return formats;
    }

    public @Nullable SignedInUser user() {
        return user;
    }

    /** The person signed in, on a page only they reach (every page but the static files asks them to sign in). */
    public SignedInUser signedInUser() {
        return Objects.requireNonNull(user, "every page but the static files asks the person to sign in");
    }

    public boolean signedIn() {
        return user != null;
    }

    /** Whether the person acts for an enforcement body, as the registry describes their organisation. */
    public boolean enforcementBody() {
        return enforcementBody;
    }

    /** Marks the person's organisation as an enforcement body (or not), as the registry describes it. */
    public Page enforcementBody(boolean enforcementBody) {
        this.enforcementBody = enforcementBody;
        return this;
    }

    /** The signed-in person's organisation as the registry names it; null if none or unknown. */
    public @Nullable String organisationName() {
        return organisationName;
    }

    public @Nullable Csrf csrf() {
        return csrf;
    }

    /** This page's path and query, to come back to. */
    public String path() {
        return path;
    }

    public String asset(String file) {
        return assets.url(file);
    }

    /** Where the header's count of unread notifications comes from (asked once, when the header shows it). */
    public Page unreadNotifications(java.util.function.Supplier<@Nullable Long> count) {
        this.unread = count;
        return this;
    }

    /** How many of their notifications the person has not read; null when it is not known. */
    public @Nullable Long unreadNotifications() {
        if (!unreadAsked) {
            unreadAsked = true;
            unreadCount = unread.get();
        }
        return unreadCount;
    }
}
