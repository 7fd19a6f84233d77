package io.firstsecretary.identity.directory;

import io.firstsecretary.identity.account.Account;
import java.util.List;

/** What the identity service learnt from the organisation topic, for those who act on it. */
public sealed interface DirectoryChanged {

    /** A bureau registered or moved. */
    record BureauKnown(String code, List<String> path) implements DirectoryChanged {}

    /** A member's account after a directory change. */
    record AccountChanged(Account account) implements DirectoryChanged {}
}
