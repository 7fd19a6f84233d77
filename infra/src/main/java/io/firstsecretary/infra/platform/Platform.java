package io.firstsecretary.infra.platform;

import java.util.concurrent.CountDownLatch;

/**
 * {@code make run}: starts the embedded broker and store, the identity service and the other six applications, prints where to
 * look, and stops everything cleanly on Ctrl-C.
 */
public final class Platform {

    private Platform() {}

    public static void main(String[] args) throws InterruptedException {
        var options = PlatformOptions.fromArguments(args);
        System.setProperty("firstsec.data", options.dataDir().toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "platform-logback.xml");
        }
        long started = System.nanoTime();
        System.out.printf(
                "Starting the First Secretary platform (data in %s) …%n",
                options.dataDir().toAbsolutePath());
        var platform = RunningPlatform.start(options);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping the First Secretary platform …");
                            platform.close();
                            System.out.println("Stopped.");
                            stopped.countDown();
                        },
                        "platform-stop"));
        System.out.printf("%nFirst Secretary platform is ready in %.1f s%n%n", (System.nanoTime() - started) / 1e9);
        System.out.println(
                "  Console                " + platform.gatewayUrl() + "/   (log in with a demo login: a username"
                        + " and password from the credentials file's \"users\", e.g. a FIRST_SECRETARY or a PARTY_BUILDING_OFFICE)");
        System.out.println("  API (gateway)          " + platform.gatewayUrl() + "/api/v1/bureaus");
        platform.describeServices().forEach(System.out::println);
        System.out.println("  Identity (OIDC issuer) " + platform.issuer() + "   discovery: " + platform.issuer()
                + "/.well-known/openid-configuration");
        System.out.println(
                "  Credentials            " + platform.credentialsFile().toAbsolutePath()
                        + "   (the operator's client, and on the demo organisation each office's client and each demo login)");
        System.out.println(
                "  Get a token            curl -s -u <clientId>:<clientSecret> -d grant_type=client_credentials "
                        + platform.issuer() + "/oauth2/token");
        System.out.println("  API docs (Swagger UI)  " + platform.gatewayUrl()
                + "/api-docs   (after logging in; Authorize to try" + " an operation)");
        System.out.println("  OpenAPI                " + platform.gatewayUrl()
                + "/v3/api-docs/<organisation|activity|assessment|notification|identity>   (with a token)");
        System.out.println(
                "  Health / metrics       <actuator url>/actuator/health (open), /actuator/prometheus (the operator's token)");
        System.out.println("  Kafka                  " + platform.kafkaBootstrapServers());
        System.out.println("  MongoDB                " + platform.mongoConnectionString());
        System.out.println(
                "  Mail (SMTP / POP3)     smtp://127.0.0.1:" + platform.mail().smtpPort()
                        + "  pop3://127.0.0.1:" + platform.mail().pop3Port()
                        + "  (user: the recipient's address, any password)");
        System.out.println("\nPress Ctrl-C to stop.");
        stopped.await();
    }
}
