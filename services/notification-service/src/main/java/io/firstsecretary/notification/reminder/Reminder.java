package io.firstsecretary.notification.reminder;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** One message to one recipient at one time about one obligation. */
record Reminder(
        @Id String id,
        String bureau,
        @JsonIgnore List<String> bureauPath,
        String obligation,
        String recipient,
        String duty,
        String period,
        ReminderStage stage,
        Instant scheduledFor,
        ReminderStatus status,
        List<Channel> channels) {

    Reminder movedTo(Instant at) {
        return new Reminder(id, bureau, bureauPath, obligation, recipient, duty, period, stage, at, status, channels);
    }
}
