package org.arrival.web.layout;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The texts people read, from the bundles in {@code messages/}: one file per feature ({@code forums.properties} in
 * English, {@code forums_fr.properties}, ...), found on the class path, so a feature adds its texts by adding its
 * file. Messages are ICU message patterns with named arguments, so plurals and numbers follow each language's rules
 * ({@code {count, plural, one {# action} other {# actions}}}).
 */
@Component
public class Messages {

    /** Where the bundles are; every English file {@code <feature>.properties} there is a bundle. */
    public static final String LOCATION = "messages/";

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public Messages() {
        source.setBasenames(basenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(false);
    }

    /** The bundles' base names, e.g. {@code messages/forums}. */
    public static List<String> basenames() {
        List<String> names = new ArrayList<>();
        try {
            for (Resource r :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "*.properties")) {
                String file = r.getFilename();
                if (file != null && !file.contains("_")) {
                    names.add(LOCATION + file.substring(0, file.length() - ".properties".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.sort(null);
        return names;
    }

    /** The message in the language, its arguments filled in; a missing key shows as itself (tests prevent that). */
    public String text(Locale locale, String key, Map<String, ?> arguments) {
        String pattern;
        try {
            pattern = source.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
        if (arguments.isEmpty() && pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
            return pattern;
        }
        MessageFormat format = formats.computeIfAbsent(
                locale.toLanguageTag() + '\u0000' + key, k -> new MessageFormat(pattern, ULocale.forLocale(locale)));
        synchronized (format) {
            return format.format(arguments);
        }
    }

    /** The key's pattern in the language (or English), or null when no bundle has it. */
    public @Nullable String pattern(Locale locale, String key) {
        try {
            return source.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    public boolean has(Locale locale, String key) {
        try {
            source.getMessage(key, null, locale);
            return true;
        } catch (NoSuchMessageException e) {
            return false;
        }
    }
}
