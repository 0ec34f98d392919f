package org.arrival.notifications.texts;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The languages e-mails and digests are worded in ({@code arrival.notifications.languages}; the first is the fallback). */
@Configuration
public class TextsConfiguration {

    @Bean
    Texts texts(@Value("${arrival.notifications.languages:en,fr,es,ar}") List<String> languages) {
        return new Texts(languages);
    }
}
