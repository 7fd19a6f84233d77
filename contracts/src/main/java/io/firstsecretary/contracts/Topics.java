package io.firstsecretary.contracts;

/**
 * Kafka topic names, one per bounded context. The version in the name changes only with a
 * breaking change, published alongside the old topic for a while.
 */
public final class Topics {

    public static final String ORGANISATION = "firstsec.organisation.v1";
    public static final String ACTIVITY = "firstsec.activity.v1";
    public static final String ASSESSMENT = "firstsec.assessment.v1";
    public static final String NOTIFICATION = "firstsec.notification.v1";

    private Topics() {}

    /** The dead-letter topic of one consumer group: {@code firstsec.<group>.dlt}. */
    public static String deadLetter(String consumerGroup) {
        return "firstsec." + consumerGroup + ".dlt";
    }
}
