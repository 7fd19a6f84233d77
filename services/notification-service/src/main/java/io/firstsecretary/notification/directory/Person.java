package io.firstsecretary.notification.directory;

import java.util.List;
import org.springframework.data.annotation.Id;

/** What the notification service knows of a member: how to reach them and which offices they hold. */
public record Person(
        @Id String key,
        String bureau,
        String id,
        String name,
        String email,
        String phone,
        List<String> roles,
        String branch,
        boolean active) {

    static String keyOf(String bureau, String member) {
        return bureau + "/" + member;
    }

    public boolean holds(String role) {
        return roles != null && roles.contains(role);
    }
}
