package io.firstsecretary.notification.preference;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.UnprocessableException;
import io.firstsecretary.notification.directory.Directory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/v1/bureaus/{bureau}/members/{member}/notification-preferences}: the channels a
 * member is reminded through and whether they get the weekly digest. Applies to reminders sent from
 * then on.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/members/{member}/notification-preferences")
@Tag(
        name = "Notification preferences",
        description = "The channels a member is reminded through, and whether they get the weekly digest.")
class PreferenceController {

    private final Preferences preferences;
    private final Directory directory;

    PreferenceController(Preferences preferences, Directory directory) {
        this.preferences = preferences;
        this.directory = directory;
    }

    record Body(List<String> channels, Boolean digest) {}

    @Requires(Scope.SELF)
    @Operation(summary = "Get a member's notification preferences")
    @GetMapping
    Preference get(@PathVariable String bureau, @PathVariable String member) {
        directory.requirePerson(bureau, member);
        return preferences.of(bureau, member);
    }

    @Requires(Scope.SELF)
    @Operation(
            summary = "Change a member's notification preferences",
            description = "Applies to reminders sent from then on; an empty list of channels mutes every reminder.")
    @PutMapping
    Preference put(@PathVariable String bureau, @PathVariable String member, @RequestBody Body body) {
        directory.requirePerson(bureau, member);
        var errors = new ArrayList<FieldError>();
        var channels = new ArrayList<Channel>();
        if (body.channels() == null) {
            errors.add(FieldError.of("channels", "channels is required (an empty list mutes every reminder)"));
        } else if (body.channels().size() > Channel.values().length) {
            errors.add(FieldError.of("channels", "at most " + Channel.values().length + " channels"));
        } else {
            for (int i = 0; i < body.channels().size(); i++) {
                String name = body.channels().get(i);
                try {
                    var channel = Channel.valueOf(String.valueOf(name));
                    if (channels.contains(channel)) {
                        errors.add(FieldError.of("channels[" + i + "]", name + " appears twice"));
                    }
                    channels.add(channel);
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of("channels[" + i + "]", "must be one of EMAIL, INBOX, WEBHOOK"));
                }
            }
        }
        if (body.digest() == null) {
            errors.add(FieldError.of("digest", "digest is required: true to receive the weekly digest"));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        var preference = new Preference(List.copyOf(channels), body.digest());
        preferences.save(bureau, member, preference);
        return preference;
    }
}
