package io.firstsecretary.console.api;

import java.util.List;

/** One page of a list from the API: {@code {"items":[…],"page","size","total"}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = items == null ? List.of() : items;
    }
}
