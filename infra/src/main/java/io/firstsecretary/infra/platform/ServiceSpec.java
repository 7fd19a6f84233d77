package io.firstsecretary.infra.platform;

import java.util.List;

/** One of the platform's applications: its name (also its jar's name) and whether it owns a database. */
record ServiceSpec(String name, boolean ownsDatabase) {

    static final String IDENTITY = "identity-service";
    static final String CONSOLE = "console";
    static final String GATEWAY = "gateway";

    /** In start order: the identity service first, since the others trust the tokens it signs. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec(IDENTITY, true),
            new ServiceSpec("organisation-service", true),
            new ServiceSpec("activity-service", true),
            new ServiceSpec("assessment-service", true),
            new ServiceSpec("notification-service", true),
            new ServiceSpec(CONSOLE, false),
            new ServiceSpec(GATEWAY, false));

    String jarPath() {
        return "services/" + name + "/target/" + name + ".jar";
    }

    boolean isConsole() {
        return CONSOLE.equals(name);
    }

    boolean isGateway() {
        return GATEWAY.equals(name);
    }

    boolean isIdentity() {
        return IDENTITY.equals(name);
    }

    String database() {
        return "firstsec-" + name.replace("-service", "");
    }

    String routeVariable() {
        return "FIRSTSEC_ROUTES_" + name.replace("-service", "").toUpperCase(java.util.Locale.ROOT);
    }
}
