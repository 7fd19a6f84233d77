package io.firstsecretary.console.integrations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.validation.Errors;

/** The form that registers a webhook: the address of the bureau's system, and which reminders it receives. */
record WebhookForm(String url, List<String> events) {

    /** Every reminder, those of stages added later too. */
    static final String ALL = "*";

    static final List<String> STAGES = List.of("DUE_SOON", "OVERDUE", "ESCALATION", "FOLLOW_UP", "DIGEST");
    static final List<String> CHOICES =
            Stream.concat(Stream.of(ALL), STAGES.stream()).toList();
    static final int URL_MAX = 2000;

    WebhookForm {
        events = events == null ? List.of() : List.copyOf(events);
    }

    static WebhookForm empty() {
        return new WebhookForm("", List.of());
    }

    /**
     * What the office can get wrong, found before the API is asked. Whether the host is a public address
     * the notification service alone can tell.
     */
    void validate(Errors errors) {
        if (url == null || url.isBlank()) {
            errors.rejectValue("url", "validation.required");
        } else if (!https(url.strip())) {
            errors.rejectValue("url", "webhooks.error.url");
        }
        if (chosen().isEmpty()) {
            errors.rejectValue("events", "webhooks.error.events");
        }
    }

    Registration body() {
        return new Registration(url.strip(), chosen());
    }

    /** The form field an API error names, or null for none. */
    static String fieldOf(String apiField) {
        return "url".equals(apiField) || "events".equals(apiField) ? apiField : null;
    }

    /** All when 全部 is ticked, whatever else is; otherwise the stages ticked, in the page's order. */
    private List<String> chosen() {
        return events.contains(ALL)
                ? List.of(ALL)
                : STAGES.stream().filter(events::contains).toList();
    }

    private static boolean https(String url) {
        try {
            var uri = new URI(url);
            return "https".equals(uri.getScheme())
                    && uri.getHost() != null
                    && uri.getUserInfo() == null
                    && url.length() <= URL_MAX;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code POST …/webhooks}: {@code {"url","events":[…]}}. */
    record Registration(String url, List<String> events) {}
}
