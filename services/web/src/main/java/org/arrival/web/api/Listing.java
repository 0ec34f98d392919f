package org.arrival.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of a service's listing, as every service's paged lists answer ({@code items} and where they stand). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Listing<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public Listing {
        items = items == null ? List.of() : items;
    }
}
