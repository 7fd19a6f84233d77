package io.firstsecretary.notification.preference;

import java.util.List;

/**
 * How a member wants to be reminded: through which {@code channels}, and whether they get the
 * weekly {@code digest}.
 */
public record Preference(List<Channel> channels, boolean digest) {

    public static final Preference DEFAULT =
            new Preference(List.of(Channel.EMAIL, Channel.INBOX, Channel.WEBHOOK), true);
}
