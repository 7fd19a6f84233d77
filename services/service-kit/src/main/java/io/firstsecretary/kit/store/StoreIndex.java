package io.firstsecretary.kit.store;

import java.util.List;

/**
 * An index a service's queries need on MongoDB, ascending on {@code keys} in order. The embedded
 * store uses unique indexes only (and answers other queries by a scan); MongoDB uses them all.
 */
public record StoreIndex(String collection, List<String> keys, boolean unique) {

    public static StoreIndex on(String collection, String... keys) {
        return new StoreIndex(collection, List.of(keys), false);
    }

    /** Its name: the keys joined, as MongoDB names an index by default. */
    public String name() {
        return String.join("_1_", keys) + "_1";
    }
}
