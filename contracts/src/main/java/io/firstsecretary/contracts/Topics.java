package io.firstsecretary.contracts;

import java.util.Map;
import java.util.Optional;

/**
 * Kafka topic names, one per bounded context. The version in the name changes only with a
 * breaking change, published alongside the old topic for a while.
 */
public final class Topics {

    public static final String ORGANISATION = "firstsec.organisation.v1";
    public static final String ACTIVITY = "firstsec.activity.v1";
    public static final String ASSESSMENT = "firstsec.assessment.v1";
    public static final String NOTIFICATION = "firstsec.notification.v1";

    private static final Map<String, String> SOURCES = Map.of(
            ORGANISATION, "urn:firstsec:organisation-service",
            ACTIVITY, "urn:firstsec:activity-service",
            ASSESSMENT, "urn:firstsec:assessment-service",
            NOTIFICATION, "urn:firstsec:notification-service");

    private Topics() {}

    /**
     * The CloudEvents {@code source} of the one service that writes {@code topic}; empty for a topic
     * no service owns (a dead-letter topic).
     */
    public static Optional<String> source(String topic) {
        return Optional.ofNullable(SOURCES.get(topic));
    }

    /** The dead-letter topic of one consumer group: {@code firstsec.<group>.dlt}. */
    public static String deadLetter(String consumerGroup) {
        return "firstsec." + consumerGroup + ".dlt";
    }
}
