package io.firstsecretary.notification.policy;

import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.UnprocessableException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
class ReminderPolicyController {

    private final ReminderPolicies policies;
    private final ApplicationEventPublisher events;

    ReminderPolicyController(ReminderPolicies policies, ApplicationEventPublisher events) {
        this.policies = policies;
        this.events = events;
    }

    /** The policy as the API shows it: times as {@code "HH:mm"}, {@code quietHours} null for none. */
    record PolicyView(List<Integer> dueSoonDays, Integer overdueDays, Quiet quietHours) {

        record Quiet(String from, String to) {}

        static PolicyView of(ReminderPolicy p) {
            var q = p.quietHours();
            return new PolicyView(
                    p.dueSoonDays(),
                    p.overdueDays(),
                    q == null ? null : new Quiet(q.from().toString(), q.to().toString()));
        }
    }

    @GetMapping
    PolicyView policy(@PathVariable String bureau) {
        return PolicyView.of(policies.of(bureau));
    }

    @PutMapping
    PolicyView save(@PathVariable String bureau, @RequestBody PolicyView body) {
        var errors = new ArrayList<FieldError>();
        var days = body.dueSoonDays();
        if (days == null) {
            errors.add(FieldError.of("dueSoonDays", "dueSoonDays is required (an empty list for no reminders)"));
        } else {
            if (days.size() > 5) {
                errors.add(FieldError.of("dueSoonDays", "at most 5 reminders before the due day"));
            }
            var seen = new HashSet<Integer>();
            for (int i = 0; i < days.size(); i++) {
                Integer d = days.get(i);
                if (d == null || d < 1 || d > 90) {
                    errors.add(FieldError.of("dueSoonDays[" + i + "]", "must be between 1 and 90 days"));
                } else if (!seen.add(d)) {
                    errors.add(FieldError.of("dueSoonDays[" + i + "]", d + " appears twice"));
                }
            }
        }
        if (body.overdueDays() == null || body.overdueDays() < 0 || body.overdueDays() > 30) {
            errors.add(FieldError.of("overdueDays", "overdueDays must be between 0 and 30"));
        }
        ReminderPolicy.QuietHours quiet = null;
        if (body.quietHours() != null) {
            var from = time("quietHours.from", body.quietHours().from(), errors);
            var to = time("quietHours.to", body.quietHours().to(), errors);
            if (from != null && to != null) {
                if (from.equals(to)) {
                    errors.add(FieldError.of("quietHours.to", "quiet hours must not start and end at the same time"));
                } else {
                    quiet = new ReminderPolicy.QuietHours(from, to);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        var policy = new ReminderPolicy(days.stream().sorted((a, b) -> b - a).toList(), body.overdueDays(), quiet);
        policies.save(bureau, policy);
        events.publishEvent(new ReminderPolicyChanged(bureau));
        return PolicyView.of(policy);
    }

    private static LocalTime time(String field, String text, List<FieldError> errors) {
        try {
            if (text != null && text.matches("^\\d{2}:\\d{2}$")) {
                return LocalTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(FieldError.of(field, field + " must be a time like 22:00"));
        return null;
    }
}
