package org.arrival.web.api.notifications;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The notifications service's public API: the inbox and subscriptions of the signed-in person. */
@Component
public class NotificationsApi {

    /** The largest page the notifications service serves. */
    public static final int MAX_PAGE = 200;

    private final RestClient client;

    public NotificationsApi(ApiClients clients) {
        this.client = clients.client(Service.NOTIFICATIONS);
    }

    /**
     * A notification: what it says in no language ({@code code}, {@code parameters}; absent for one routed before the
     * service kept them), its English wording, and the address of the record's page.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InboxItem(
            UUID id,
            String eventType,
            String code,
            Map<String, Object> parameters,
            String title,
            String body,
            String link,
            boolean personal,
            Instant occurredAt,
            Instant createdAt,
            boolean read) {

        public InboxItem {
            parameters = parameters == null ? Map.of() : parameters;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filter(
            List<UUID> forums,
            List<UUID> organisations,
            List<String> sectors,
            List<String> areas,
            List<UUID> records,
            List<String> eventTypes) {

        public Filter {
            forums = forums == null ? List.of() : forums;
            organisations = organisations == null ? List.of() : organisations;
            sectors = sectors == null ? List.of() : sectors;
            areas = areas == null ? List.of() : areas;
            records = records == null ? List.of() : records;
            eventTypes = eventTypes == null ? List.of() : eventTypes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subscription(
            UUID id,
            long version,
            String scope,
            String channel,
            String address,
            UUID webhookId,
            String frequency,
            Filter filter,
            String language,
            Instant createdAt,
            Instant updatedAt) {

        public Subscription {
            filter = filter == null
                    ? new Filter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of())
                    : filter;
        }
    }

    /** A subscription as sent to create or replace it (absent values left out). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SubscriptionInput(
            @Nullable String scope,
            @Nullable String channel,
            @Nullable String address,
            @Nullable UUID webhookId,
            @Nullable String frequency,
            Filter filter,
            @Nullable String language) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Webhook(UUID id, String url, boolean active) {}

    public Listing<InboxItem> inbox(boolean unreadOnly, int page, int size) {
        return required(client.get()
                .uri(uri -> uri.path("/inbox")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .queryParamIfPresent(
                                "unread", unreadOnly ? java.util.Optional.of(true) : java.util.Optional.empty())
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<InboxItem>>() {}));
    }

    public long unreadCount() {
        Map<String, Long> count = client.get()
                .uri("/inbox/unread-count")
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Long>>() {});
        return count == null || count.get("unread") == null ? 0 : count.get("unread");
    }

    public void markRead(UUID id) {
        client.post().uri("/inbox/{id}/read", id).retrieve().toBodilessEntity();
    }

    public void markAllRead() {
        client.post().uri("/inbox/read-all").retrieve().toBodilessEntity();
    }

    /** The person's own subscriptions and their organisation's, page after page. */
    public List<Subscription> subscriptions() {
        List<Subscription> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            int p = page;
            Listing<Subscription> found = required(client.get()
                    .uri(uri -> uri.path("/subscriptions")
                            .queryParam("page", p)
                            .queryParam("size", MAX_PAGE)
                            .build())
                    .retrieve()
                    .body(new ParameterizedTypeReference<Listing<Subscription>>() {}));
            all.addAll(found.items());
            if (page + 1 >= found.totalPages()) {
                return all;
            }
        }
    }

    public Subscription subscription(UUID id) {
        return required(client.get().uri("/subscriptions/{id}", id).retrieve().body(Subscription.class));
    }

    public Subscription subscribe(SubscriptionInput input) {
        return required(
                client.post().uri("/subscriptions").body(input).retrieve().body(Subscription.class));
    }

    /** Replaces the subscription at the version the person read (412 when someone changed it meanwhile). */
    public Subscription replace(UUID id, long version, SubscriptionInput input) {
        ResponseEntity<Subscription> answer = client.put()
                .uri("/subscriptions/{id}", id)
                .header("If-Match", "\"" + version + "\"")
                .body(input)
                .retrieve()
                .toEntity(Subscription.class);
        return required(answer.getBody());
    }

    /** Ends the subscription at the version the person read. */
    public void end(UUID id, long version) {
        client.delete()
                .uri("/subscriptions/{id}", id)
                .header("If-Match", "\"" + version + "\"")
                .retrieve()
                .toBodilessEntity();
    }

    /** The organisation's webhooks (for its administrators; the first page, which is all an office has). */
    public List<Webhook> webhooks() {
        return required(client.get()
                        .uri(uri -> uri.path("/webhooks")
                                .queryParam("size", MAX_PAGE)
                                .build())
                        .retrieve()
                        .body(new ParameterizedTypeReference<Listing<Webhook>>() {}))
                .items();
    }
}
