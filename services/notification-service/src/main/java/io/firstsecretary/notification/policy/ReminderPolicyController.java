package io.firstsecretary.notification.policy;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.notification.directory.Directory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/v1/bureaus/{bureau}/reminder-policy}: a change reschedules the bureau's pending
 * reminders at once.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/reminder-policy")
@Tag(
        name = "Reminder policy",
        description = "When a bureau's reminders go out: days before and after the due day, quiet hours,"
                + " escalation and the weekly digest.")
class ReminderPolicyController {

    private final ReminderPolicies policies;
    private final ApplicationEventPublisher events;
    private final Directory directory;

    ReminderPolicyController(ReminderPolicies policies, ApplicationEventPublisher events, Directory directory) {
        this.policies = policies;
        this.events = events;
        this.directory = directory;
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(summary = "Get the bureau's reminder policy")
    @GetMapping
    PolicyView policy(@PathVariable String bureau) {
        directory.requireBureau(bureau);
        return PolicyView.of(policies.of(bureau));
    }

    @Requires(Scope.NOTIFICATIONS_MANAGE)
    @Operation(
            summary = "Change the bureau's reminder policy",
            description = "Reschedules the bureau's pending reminders at once.")
    @PutMapping
    PolicyView save(@PathVariable String bureau, @RequestBody PolicyView body) {
        directory.requireBureau(bureau);
        var policy = body.validated().toPolicy();
        var view = PolicyView.of(policy);
        policies.save(bureau, view);
        events.publishEvent(new ReminderPolicyChanged(bureau));
        return view;
    }
}
