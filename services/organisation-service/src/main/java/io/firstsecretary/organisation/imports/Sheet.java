package io.firstsecretary.organisation.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sheets of an organisation workbook, in the order they are applied. Columns are the core
 * API's field names; {@code bureau} names the row's bureau when it is not the one imported into.
 */
public enum Sheet {
    BUREAUS("bureaus", List.of("code", "name", "level", "parent")),
    BRANCHES("branches", List.of("bureau", "code", "name", "divisions")),
    PARTY_GROUPS("party-groups", List.of("bureau", "branch", "code", "name")),
    MEMBERS(
            "members",
            List.of("bureau", "id", "name", "email", "phone", "roles", "branch", "partyGroup", "joinedPartyOn")),
    FIRST_SECRETARIES("first-secretaries", List.of("bureau", "member", "branch", "from", "to"));

    private final String sheetName;
    private final List<String> columns;

    Sheet(String sheetName, List<String> columns) {
        this.sheetName = sheetName;
        this.columns = columns;
    }

    public String sheetName() {
        return sheetName;
    }

    List<String> columns() {
        return columns;
    }

    static Optional<Sheet> named(String name) {
        return Arrays.stream(values()).filter(s -> s.sheetName.equals(name)).findFirst();
    }
}
