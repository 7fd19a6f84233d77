package io.firstsecretary.kit.events;

/**
 * Header names of a CloudEvent in Kafka binary mode: attributes as {@code ce_*} headers, the
 * payload as the record value. {@code bureau} and {@code bureaupath} are the platform's extension
 * attributes carrying the tenant and its path in the bureau tree ({@code js/nt/nt-cc}); {@code causedby} who caused it.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String BUREAU = "ce_bureau";
    public static final String BUREAU_PATH = "ce_bureaupath";
    /** Who caused the event: the member or client of the request, or the service acting on its own. */
    public static final String CAUSED_BY = "ce_causedby";

    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
