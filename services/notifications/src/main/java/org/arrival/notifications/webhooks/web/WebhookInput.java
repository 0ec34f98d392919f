package org.arrival.notifications.webhooks.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.arrival.platform.web.NotFreeText;
import org.jspecify.annotations.Nullable;

/**
 * A webhook as sent to register or change it: where to call (https, or http) and which event types, as catalogue
 * types or simple names. {@code description} is accepted for the caller's benefit but not stored yet (the schema
 * has no column for it); as free text it passes the platform's personal-data screen, the URL and the event types
 * (machine addresses and codes) do not.
 */
public record WebhookInput(
        @NotFreeText @NotBlank @Size(max = 2000) String url,
        @NotFreeText @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) String> eventTypes,
        @Size(max = 500) @Nullable String description) {}
