package io.firstsecretary.activity.directory;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/** What the activity service knows of a member: where they are and whether they are still there. */
public record DirectoryMember(
        @Id String id,
        String bureau,
        String name,
        String branch,
        List<String> roles,
        Boolean active,
        LocalDate leftOn) {

    /** Whether the member belonged to the bureau's party organisation on {@code day}. */
    public boolean memberOn(LocalDate day) {
        return !Boolean.FALSE.equals(active) || leftOn == null || !day.isAfter(leftOn);
    }
}
