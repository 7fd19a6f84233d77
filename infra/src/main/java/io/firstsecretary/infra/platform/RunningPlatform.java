package io.firstsecretary.infra.platform;

import io.firstsecretary.infra.EmbeddedMailServer;
import io.firstsecretary.infra.EmbeddedRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on the embedded runtime: the broker, the store and the mail server in this
 * JVM, each service as a child JVM. {@link #start} returns once every service reports ready.
 */
public final class RunningPlatform implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final PlatformOptions options;
    private final EmbeddedRuntime runtime;
    private final EmbeddedMailServer mail;
    private final List<ServiceProcess> services;

    private RunningPlatform(
            PlatformOptions options, EmbeddedRuntime runtime, EmbeddedMailServer mail, List<ServiceProcess> services) {
        this.options = options;
        this.runtime = runtime;
        this.mail = mail;
        this.services = services;
    }

    public static RunningPlatform start(PlatformOptions options) {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Path jar = options.home().resolve(spec.jarPath());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        "Missing " + jar + ": build the platform first (./mvnw -DskipTests package)");
            }
        }
        Path logs = options.dataDir().resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var runtime = EmbeddedRuntime.start(
                options.dataDir(), options.mongoPort(), options.kafkaPort(), options.kafkaControllerPort());
        EmbeddedMailServer mail;
        try {
            mail = EmbeddedMailServer.start(options.smtpPort(), options.pop3Port());
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        var services = new ArrayList<ServiceProcess>();
        var platform = new RunningPlatform(options, runtime, mail, services);
        try {
            for (ServiceSpec spec : ServiceSpec.ALL) {
                services.add(ServiceProcess.launch(
                        spec,
                        options.home().resolve(spec.jarPath()),
                        options.portOf(spec),
                        options.managementPortOf(spec),
                        platform.environmentOf(spec),
                        logs.resolve(spec.name() + ".log")));
            }
            platform.awaitReady(services);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** The identity service: the issuer of every token, and its {@code /oauth2/token} endpoint. */
    public String issuer() {
        return options.issuer();
    }

    /** The file holding the operator's client secret and, on the demo organisation, every demo login. */
    public Path credentialsFile() {
        return options.credentialsFile();
    }

    /** The gateway: the API under {@code /api/v1} and the console at its root. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + options.gatewayPort();
    }

    public String kafkaBootstrapServers() {
        return runtime.kafkaBootstrapServers();
    }

    public String mongoConnectionString() {
        return runtime.mongoConnectionString();
    }

    /** The embedded mail server, which holds every e-mail the platform sent. */
    public EmbeddedMailServer mail() {
        return mail;
    }

    /**
     * Kills a service with SIGKILL and starts it again on the same port and data, returning once it
     * is ready: the crash a fault test needs.
     */
    public void killAndRestart(String service) {
        kill(service);
        restart(service);
    }

    /** Kills a service with SIGKILL: no shutdown hook runs, nothing in flight is finished. */
    public void kill(String service) {
        services.get(indexOf(service)).kill();
    }

    /** Starts a service that was killed again, on the same port and data; returns once it is ready. */
    public void restart(String service) {
        int index = indexOf(service);
        var dead = services.get(index);
        if (dead.isAlive()) {
            throw new IllegalStateException(service + " is still running");
        }
        var restarted = ServiceProcess.launch(
                dead.spec(),
                options.home().resolve(dead.spec().jarPath()),
                dead.port(),
                dead.managementPort(),
                environmentOf(dead.spec()),
                dead.log());
        services.set(index, restarted);
        awaitReady(List.of(restarted));
    }

    /**
     * Stops the broker cleanly and starts it again on the same ports and data while the services
     * keep running; returns once it accepts clients again.
     */
    public void restartBroker() {
        runtime.restartBroker();
    }

    /** The name of the database a service owns on the embedded store. */
    public static String databaseOf(String service) {
        return ServiceSpec.ALL.stream()
                .filter(s -> s.name().equals(service) && s.ownsDatabase())
                .findFirst()
                .map(ServiceSpec::database)
                .orElseThrow(() -> new IllegalArgumentException("No service " + service + " with a database"));
    }

    private int indexOf(String service) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).spec().name().equals(service)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No service " + service);
    }

    /** The actuator URL (the management port, which the gateway does not route) of each service that owns a database. */
    public Map<String, String> databaseOwnerManagementUrls() {
        var urls = new LinkedHashMap<String, String>();
        services.stream()
                .filter(s -> s.spec().ownsDatabase())
                .forEach(s -> urls.put(s.spec().name(), "http://127.0.0.1:" + s.managementPort()));
        return urls;
    }

    /** One line per service: name, URL, actuator URL and log file. */
    public List<String> describeServices() {
        return services.stream()
                .map(s -> String.format(
                        "  %-22s http://127.0.0.1:%d   actuator http://127.0.0.1:%d   (log: %s)",
                        s.spec().name(), s.port(), s.managementPort(), s.log()))
                .toList();
    }

    private Map<String, String> environmentOf(ServiceSpec spec) {
        var env = new HashMap<String, String>();
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", runtime.kafkaBootstrapServers());
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", options.issuer());
        if (spec.isIdentity()) {
            env.put("FIRSTSEC_IDENTITY_ISSUER", options.issuer());
            env.put(
                    "FIRSTSEC_IDENTITY_CREDENTIALS_FILE",
                    options.credentialsFile().toAbsolutePath().toString());
            env.put("FIRSTSEC_IDENTITY_CONSOLE_REDIRECT_URIS", gatewayUrl() + "/login/oauth2/code/identity");
            env.put("FIRSTSEC_IDENTITY_CONSOLE_POST_LOGOUT_REDIRECT_URIS", gatewayUrl() + "/");
            env.put("FIRSTSEC_IDENTITY_API_DOCS_REDIRECT_URIS", gatewayUrl() + "/api-docs/oauth2-redirect.html");
            env.put("FIRSTSEC_IDENTITY_CORS_ALLOWED_ORIGINS", gatewayUrl());
        }
        if (spec.ownsDatabase()) {
            env.put("SPRING_MONGODB_URI", runtime.mongoUri(spec.database()));
        }
        if (spec.isGateway()) {
            for (ServiceSpec routed : ServiceSpec.ALL) {
                if (!routed.isGateway()) {
                    env.put(routed.routeVariable(), "http://127.0.0.1:" + options.portOf(routed));
                }
            }
        }
        if (spec.isConsole()) {
            env.put("FIRSTSEC_CONSOLE_PUBLIC_URL", gatewayUrl());
            env.put("FIRSTSEC_CONSOLE_API_URL", gatewayUrl());
            env.put("FIRSTSEC_CONSOLE_ISSUER_URI", options.issuer());
        }
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(mail.smtpPort()));
        env.put("FIRSTSEC_NOTIFICATION_LINK_BASE", gatewayUrl());
        env.put("FIRSTSEC_OPENAPI_SERVER_URL", gatewayUrl());
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        env.put("FIRSTSEC_DEMO_ENABLED", Boolean.toString(options.demo()));
        env.putAll(options.extraEnvironment());
        return env;
    }

    private void awaitReady(List<ServiceProcess> starting) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        var pending = new ArrayList<>(starting);
        while (!pending.isEmpty()) {
            for (var service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.spec().name()
                            + " exited during start-up; its log ends with:\n" + service.lastLogLines(40));
                }
                if (service.isReady()) {
                    pending.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready within " + READY_TIMEOUT.toSeconds() + " s: "
                        + pending.stream().map(s -> s.spec().name()).toList());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services", e);
        }
    }

    /** Stops the services first (in parallel, gracefully), then the mail server, the broker and the store. */
    @Override
    public void close() {
        services.parallelStream().forEach(s -> s.stop(Duration.ofSeconds(20)));
        mail.close();
        runtime.close();
    }
}
