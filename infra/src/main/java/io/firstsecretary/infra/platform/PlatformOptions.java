package io.firstsecretary.infra.platform;

import io.firstsecretary.infra.FreePorts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the platform lives and listens. {@link #defaults()} are the documented ports of {@code make
 * run}; tests pass free ports and a temporary data directory.
 *
 * @param home the repository checkout holding the built service jars
 * @param dataDir where the store, the broker and the logs keep their files
 * @param identityPort the identity service's port: the issuer of every token
 * @param consolePort the console's own port; people reach it through the gateway's root
 * @param servicePorts the ports of the organisation, activity, assessment and notification services
 * @param managementPorts each service's actuator port, in start order (identity, organisation,
 *     activity, assessment, notification, console, gateway): by default its own port + 100
 * @param smtpPort the embedded mail server's SMTP port, where the notification service sends e-mail
 * @param pop3Port the embedded mail server's POP3 port, where the mail can be read
 * @param demo load the Nantong demonstration organisation when the directory is empty
 * @param extraEnvironment added to every service's environment (e.g. a fixed clock in tests)
 */
public record PlatformOptions(
        Path home,
        Path dataDir,
        int gatewayPort,
        int identityPort,
        int consolePort,
        List<Integer> servicePorts,
        List<Integer> managementPorts,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int pop3Port,
        boolean demo,
        Map<String, String> extraEnvironment) {

    public static PlatformOptions defaults() {
        return new PlatformOptions(
                Path.of("."),
                Path.of("data"),
                8080,
                9000,
                8085,
                consecutive(8081),
                managementPorts(8080, 9000, 8081, 8085),
                9092,
                9093,
                27017,
                3025,
                3110,
                true,
                Map.of());
    }

    /** Every port free, picked one by one, for tests and benchmarks beside a running platform. */
    public static PlatformOptions onFreePorts(Path home, Path dataDir, boolean demo, Map<String, String> environment) {
        return new PlatformOptions(
                home,
                dataDir,
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                List.of(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next()),
                ServiceSpec.ALL.stream().map(s -> FreePorts.next()).toList(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                demo,
                environment);
    }

    private static List<Integer> consecutive(int first) {
        return List.of(first, first + 1, first + 2, first + 3);
    }

    /** Each service's own port + 100, in the order of {@link ServiceSpec#ALL}. */
    private static List<Integer> managementPorts(int gateway, int identity, int firstService, int console) {
        return List.of(
                identity + 100,
                firstService + 100,
                firstService + 101,
                firstService + 102,
                firstService + 103,
                console + 100,
                gateway + 100);
    }

    /** Reads {@code --name=value} arguments over the defaults. */
    public static PlatformOptions fromArguments(String... args) {
        var values = new LinkedHashMap<String, String>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value but got: " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        var d = defaults();
        int gateway = Integer.parseInt(values.getOrDefault("gateway-port", "" + d.gatewayPort()));
        int identity = Integer.parseInt(values.getOrDefault("identity-port", "" + d.identityPort()));
        int firstService = Integer.parseInt(
                values.getOrDefault("service-port", "" + d.servicePorts().get(0)));
        int console = Integer.parseInt(values.getOrDefault("console-port", "" + d.consolePort()));
        var options = new PlatformOptions(
                Path.of(values.getOrDefault("home", d.home().toString())),
                Path.of(values.getOrDefault("data", d.dataDir().toString())),
                gateway,
                identity,
                console,
                consecutive(firstService),
                managementPorts(gateway, identity, firstService, console),
                Integer.parseInt(values.getOrDefault("kafka-port", "" + d.kafkaPort())),
                Integer.parseInt(values.getOrDefault("kafka-controller-port", "" + d.kafkaControllerPort())),
                Integer.parseInt(values.getOrDefault("mongo-port", "" + d.mongoPort())),
                Integer.parseInt(values.getOrDefault("smtp-port", "" + d.smtpPort())),
                Integer.parseInt(values.getOrDefault("pop3-port", "" + d.pop3Port())),
                Boolean.parseBoolean(values.getOrDefault("demo", "" + d.demo())),
                Map.of());
        values.keySet().stream()
                .filter(k -> !java.util.Set.of(
                                "home",
                                "data",
                                "gateway-port",
                                "identity-port",
                                "console-port",
                                "service-port",
                                "kafka-port",
                                "kafka-controller-port",
                                "mongo-port",
                                "smtp-port",
                                "pop3-port",
                                "demo")
                        .contains(k))
                .findFirst()
                .ifPresent(k -> {
                    throw new IllegalArgumentException("Unknown option --" + k);
                });
        return options;
    }

    int portOf(ServiceSpec service) {
        if (service.isIdentity()) {
            return identityPort;
        }
        if (service.isConsole()) {
            return consolePort;
        }
        return service.ownsDatabase() ? servicePorts.get(ServiceSpec.ALL.indexOf(service) - 1) : gatewayPort;
    }

    int managementPortOf(ServiceSpec service) {
        return managementPorts.get(ServiceSpec.ALL.indexOf(service));
    }

    /** The identity service's URL, which every token names as its issuer. */
    public String issuer() {
        return "http://127.0.0.1:" + identityPort;
    }

    /** Where an installation writes the secrets and passwords it made. */
    public Path credentialsFile() {
        return dataDir.resolve("identity").resolve("demo-credentials.json");
    }
}
