package org.arrival.web.layout;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The languages the pages speak; the first is the fallback. The chosen one is kept in a cookie; without a choice,
 * the browser's preferred language is taken if it is one of them.
 */
@Configuration
public class Languages {

    public static final String COOKIE = "ARRIVAL_LANG";

    /** Languages written right to left. */
    private static final List<String> RIGHT_TO_LEFT = List.of("ar", "fa", "he", "ur", "ps");

    private final List<Locale> supported;

    public Languages(Settings settings) {
        this.supported =
                settings.languages().stream().map(Locale::forLanguageTag).toList();
    }

    @ConfigurationProperties("arrival.web")
    public record Settings(List<String> languages) {
        public Settings {
            languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
        }
    }

    public List<Locale> supported() {
        return supported;
    }

    /** The supported language closest to the one asked for, else the fallback. */
    public Locale closest(@Nullable Locale wanted) {
        if (wanted != null) {
            for (Locale l : supported) {
                if (l.getLanguage().equals(wanted.getLanguage())) {
                    return l;
                }
            }
        }
        return supported.get(0);
    }

    public @Nullable Locale fromTag(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        Locale wanted = Locale.forLanguageTag(tag.strip());
        return supported.stream()
                .filter(l -> l.getLanguage().equals(wanted.getLanguage()))
                .findFirst()
                .orElse(null);
    }

    public static boolean rightToLeft(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            for (var it = request.getLocales().asIterator(); it.hasNext(); ) {
                Locale asked = it.next();
                Locale found = supported.stream()
                        .filter(l -> l.getLanguage().equals(asked.getLanguage()))
                        .findFirst()
                        .orElse(null);
                if (found != null) {
                    return found;
                }
            }
            return supported.get(0);
        });
        return resolver;
    }
}
