package io.firstsecretary.console.api;

import java.util.List;

/** A list from the API without paging: {@code {"items":[…]}}. */
public record Items<T>(List<T> items) {

    public Items {
        items = items == null ? List.of() : items;
    }
}
