package org.arrival.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switcher: a plain form (works without JavaScript) that keeps the choice and goes back. */
@Controller
public class LanguageController {

    private final Languages languages;
    private final LocaleResolver resolver;

    public LanguageController(Languages languages, LocaleResolver resolver) {
        this.languages = languages;
        this.resolver = resolver;
    }

    @GetMapping("/language")
    public String choose(
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(name = "back", required = false) @Nullable String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        Locale chosen = languages.fromTag(lang);
        if (chosen != null) {
            resolver.setLocale(request, response, chosen);
        }
        return "redirect:" + localPath(back);
    }

    /** Only a path on this site: never an absolute or protocol-relative address (no open redirect). */
    static String localPath(@Nullable String back) {
        if (back == null
                || !back.startsWith("/")
                || back.startsWith("//")
                || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return back;
    }
}
