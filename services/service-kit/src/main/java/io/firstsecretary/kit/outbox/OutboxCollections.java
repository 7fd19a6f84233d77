package io.firstsecretary.kit.outbox;

import java.util.List;

/**
 * The collections whose documents carry pending outbox events, asked afresh on every relay run so
 * a service can move its projections to new collections (a rebuild) without restarting the relay.
 */
@FunctionalInterface
public interface OutboxCollections {

    List<String> names();
}
