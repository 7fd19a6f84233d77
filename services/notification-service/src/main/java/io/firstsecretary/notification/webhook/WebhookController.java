package io.firstsecretary.notification.webhook;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.UnprocessableException;
import io.firstsecretary.notification.directory.Directory;
import io.firstsecretary.notification.reminder.ReminderStage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/bureaus/{bureau}/webhooks}: register an endpoint ({@code {"url","events":[…]}}; the
 * answer carries its signing secret, shown this once), list them, delete one.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/webhooks")
@Tag(
        name = "Webhooks",
        description = "HTTPS endpoints of a bureau's own systems that receive its reminders, signed with a secret.")
class WebhookController {

    private final Webhooks webhooks;
    private final Clock clock;
    private final Directory directory;
    private final WebhookTargets targets;
    private final int perBureau;

    WebhookController(
            Webhooks webhooks,
            Clock clock,
            Directory directory,
            WebhookTargets targets,
            @Value("${firstsec.notification.webhooks.max-per-bureau:20}") int perBureau) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.directory = directory;
        this.targets = targets;
        this.perBureau = perBureau;
    }

    record Register(String url, List<String> events) {}

    /** An endpoint as listed; {@code secret} only in the answer to its registration. */
    record View(
            String id,
            String url,
            List<String> events,
            String secret,
            boolean enabled,
            String disabledReason,
            Instant createdAt) {

        static View of(WebhookEndpoint e, boolean withSecret) {
            return new View(
                    e.id(),
                    e.url(),
                    e.events(),
                    withSecret ? e.secret() : null,
                    e.enabled(),
                    e.disabledReason(),
                    e.createdAt());
        }
    }

    @Requires(Scope.NOTIFICATIONS_MANAGE)
    @Operation(
            summary = "Register a webhook",
            description = "events names reminder stages, or [\"*\"] for all; the answer carries the endpoint's"
                    + " signing secret, shown this once.")
    @ApiResponse(
            responseCode = "409",
            description = "The bureau already has the most webhooks it may have: delete one first")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<View> register(@PathVariable String bureau, @RequestBody Register body) {
        directory.requireBureau(bureau);
        var errors = new ArrayList<FieldError>();
        if (body.url() == null) {
            errors.add(FieldError.of("url", "url must be an absolute https URL"));
        } else {
            targets.refusal(body.url()).ifPresent(reason -> errors.add(FieldError.of("url", reason)));
        }
        var stages = Arrays.stream(ReminderStage.values()).map(Enum::name).toList();
        if (body.events() == null || body.events().isEmpty()) {
            errors.add(FieldError.of("events", "events must name reminder stages, or be [\"*\"] for all"));
        } else if (body.events().size() > stages.size()) {
            errors.add(FieldError.of("events", "at most " + stages.size() + " events"));
        } else {
            for (int i = 0; i < body.events().size(); i++) {
                String event = body.events().get(i);
                if (!"*".equals(event) && !stages.contains(event)) {
                    errors.add(
                            FieldError.of("events[" + i + "]", "must be \"*\" or one of " + String.join(", ", stages)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        if (webhooks.count(bureau) >= perBureau) {
            throw new ConflictException(
                    "url",
                    "Bureau " + bureau + " has " + perBureau + " webhooks, the most it may have: delete one first");
        }
        var endpoint = new WebhookEndpoint(
                "wh_" + UUID.randomUUID().toString().replace("-", ""),
                bureau,
                body.url(),
                List.copyOf(body.events()),
                Signature.newSecret(),
                true,
                0,
                null,
                clock.instant());
        webhooks.add(endpoint);
        return ResponseEntity.created(URI.create("/api/v1/bureaus/" + bureau + "/webhooks/" + endpoint.id()))
                .body(View.of(endpoint, true));
    }

    @Requires(Scope.NOTIFICATIONS_MANAGE)
    @Operation(summary = "List the bureau's webhooks")
    @GetMapping
    Paged<View> list(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        directory.requireBureau(bureau);
        Paged.validate(page, size);
        return new Paged<>(
                webhooks.of(bureau, page, size).stream()
                        .map(e -> View.of(e, false))
                        .toList(),
                page,
                size,
                webhooks.count(bureau));
    }

    @Requires(Scope.NOTIFICATIONS_MANAGE)
    @Operation(summary = "Get a webhook")
    @GetMapping("/{id}")
    View one(@PathVariable String bureau, @PathVariable String id) {
        var endpoint = webhooks.find(id);
        if (endpoint == null || !endpoint.bureau().equals(bureau)) {
            throw new NotFoundException("No webhook " + id + " in bureau " + bureau);
        }
        return View.of(endpoint, false);
    }

    @Requires(Scope.NOTIFICATIONS_MANAGE)
    @Operation(summary = "Delete a webhook")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String bureau, @PathVariable String id) {
        if (!webhooks.remove(bureau, id)) {
            throw new NotFoundException("No webhook " + id + " in bureau " + bureau);
        }
    }
}
