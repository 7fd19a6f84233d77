package io.firstsecretary.notification.webhook;

import io.firstsecretary.notification.delivery.ChannelSender;
import io.firstsecretary.notification.delivery.Delivery;
import io.firstsecretary.notification.directory.Directory;
import io.firstsecretary.notification.directory.Person;
import io.firstsecretary.notification.message.Messages;
import io.firstsecretary.notification.preference.Channel;
import io.firstsecretary.notification.reminder.Reminder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts reminders to the bureau's endpoints as Standard Webhooks: {@code webhook-id} (the delivery,
 * the same on every attempt), {@code webhook-timestamp}, {@code webhook-signature}, and a body
 * {@code {"type":"reminder.due_soon","timestamp",…,"data":{…}}} with the message and the recipient's
 * contact details, so a WeCom, DingTalk or SMS gateway can pass it on. 2xx is delivered; 410 Gone
 * disables the endpoint; anything else is tried again later.
 */
@Component
class WebhookChannel implements ChannelSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Webhooks webhooks;
    private final WebhookTargets targets;
    private final Messages messages;
    private final Directory directory;
    private final HttpClient http;
    private final Duration timeout;
    private final int disableAfter;

    WebhookChannel(
            Webhooks webhooks,
            WebhookTargets targets,
            Messages messages,
            Directory directory,
            @Value("${firstsec.notification.webhooks.timeout:PT10S}") Duration timeout,
            @Value("${firstsec.notification.webhooks.disable-after:20}") int disableAfter) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.messages = messages;
        this.directory = directory;
        this.timeout = timeout;
        this.disableAfter = disableAfter;
        // a redirect is an answer like any other: following it could lead to an address the check refused
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public boolean personal() {
        return false;
    }

    @Override
    public List<String> endpointsFor(Reminder reminder) {
        var bureaus = reminder.bureauPath() == null || reminder.bureauPath().isEmpty()
                ? List.of(reminder.bureau())
                : reminder.bureauPath();
        return webhooks.subscribedTo(bureaus, reminder.stage().name()).stream()
                .map(WebhookEndpoint::id)
                .toList();
    }

    @Override
    public Outcome send(Delivery delivery, Reminder reminder) {
        var endpoint = webhooks.find(delivery.endpoint());
        if (endpoint == null) {
            return Outcome.failed("ENDPOINT_DELETED");
        }
        if (!endpoint.enabled()) {
            return Outcome.failed("ENDPOINT_DISABLED: " + endpoint.disabledReason());
        }
        var refusal = targets.refusal(endpoint.url());
        if (refusal.isPresent()) {
            webhooks.disable(endpoint.id(), refusal.get());
            return Outcome.failed("REFUSED: " + refusal.get());
        }
        long timestamp = System.currentTimeMillis() / 1000;
        String body = JSON.writeValueAsString(payload(reminder, timestamp));
        var request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signature.sign(endpoint.secret(), delivery.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                webhooks.succeeded(endpoint.id());
                return Outcome.sent();
            }
            if (status == 410) {
                webhooks.disable(endpoint.id(), "answered 410 Gone");
                return Outcome.failed("GONE");
            }
            webhooks.failed(endpoint.id(), disableAfter);
            return Outcome.retry("HTTP " + status);
        } catch (IOException e) {
            webhooks.failed(endpoint.id(), disableAfter);
            return Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted");
        }
    }

    private Map<String, Object> payload(Reminder reminder, long timestamp) {
        var message = messages.compose(reminder);
        var data = new LinkedHashMap<String, Object>();
        data.put("reminder", reminder.id());
        data.put("bureau", reminder.bureau());
        data.put("stage", reminder.stage().name());
        data.put("obligation", reminder.obligation());
        data.put("activity", reminder.activity());
        data.put("duty", reminder.duty());
        data.put("period", reminder.period());
        data.put("branch", reminder.branch());
        data.put("dueOn", reminder.dueOn() == null ? null : reminder.dueOn().toString());
        var recipient = directory.person(reminder.bureau(), reminder.recipient());
        data.put(
                "recipient",
                Map.of(
                        "id", reminder.recipient(),
                        "name", recipient.map(Person::name).orElse(reminder.recipient()),
                        "email", recipient.map(Person::email).orElse(""),
                        "phone", recipient.map(Person::phone).orElse("")));
        data.put("subject", message.subject());
        data.put("text", message.text());
        data.put("link", message.link());
        data.values().removeIf(java.util.Objects::isNull);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("type", "reminder." + reminder.stage().name().toLowerCase(Locale.ROOT));
        payload.put("timestamp", java.time.Instant.ofEpochSecond(timestamp).toString());
        payload.put("data", data);
        return payload;
    }
}
