package io.firstsecretary.console.integrations;

import java.util.List;
import org.springframework.validation.Errors;

/**
 * The form that creates an integration client: its name, what it may do (the auditor's role, scopes, or
 * both) and how long its tokens live, in minutes; blank for the platform's default.
 */
record ClientForm(String name, List<String> roles, List<String> scopes, String lifetime) {

    /** A client may be an auditor and nothing else of the roles; it reads the bureau's subtree. */
    static final List<String> ROLES = List.of("AUDITOR");

    /** What the identity service lets an office grant: never another's inbox, the operator's work or clients. */
    static final List<String> SCOPES = List.of(
            "events:read",
            "directory:read",
            "directory:write",
            "activities:read",
            "activities:write",
            "assessment:read",
            "assessment:write",
            "notifications:manage");

    static final int NAME_MAX = 100;
    /** The identity service takes PT1S to PT12H. */
    static final int LIFETIME_MAX_MINUTES = 720;

    ClientForm {
        roles = roles == null ? List.of() : List.copyOf(roles);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    static ClientForm empty() {
        return new ClientForm("", List.of(), List.of(), "");
    }

    /** What the office can get wrong, found before the API is asked, with the messages' keys. */
    void validate(Errors errors) {
        if (name == null || name.isBlank()) {
            errors.rejectValue("name", "validation.required");
        } else if (name.strip().length() > NAME_MAX) {
            errors.rejectValue("name", "clients.error.name", new Object[] {NAME_MAX}, null);
        }
        if (granted(ROLES, roles).isEmpty() && granted(SCOPES, scopes).isEmpty()) {
            errors.rejectValue("scopes", "clients.error.grants");
        }
        if (!blank(lifetime) && minutes() == null) {
            errors.rejectValue("lifetime", "clients.error.lifetime", new Object[] {LIFETIME_MAX_MINUTES}, null);
        }
    }

    NewClient body() {
        return new NewClient(
                name.strip(),
                granted(SCOPES, scopes),
                granted(ROLES, roles),
                blank(lifetime) ? null : "PT" + minutes() + "M");
    }

    /** The form field an API error names ({@code tokenLifetime} is {@code lifetime}), or null for none. */
    static String fieldOf(String apiField) {
        return switch (apiField) {
            case "name", "roles", "scopes" -> apiField;
            case "tokenLifetime" -> "lifetime";
            default -> null;
        };
    }

    private Integer minutes() {
        String text = lifetime.strip();
        if (!text.matches("\\d{1,4}")) {
            return null;
        }
        int minutes = Integer.parseInt(text);
        return minutes >= 1 && minutes <= LIFETIME_MAX_MINUTES ? minutes : null;
    }

    /** What was ticked of what may be granted, in the page's order. */
    private static List<String> granted(List<String> grantable, List<String> ticked) {
        return grantable.stream().filter(ticked::contains).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** {@code POST …/clients}; a null {@code tokenLifetime} is the installation's. */
    record NewClient(String name, List<String> scopes, List<String> roles, String tokenLifetime) {}
}
