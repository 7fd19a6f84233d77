package io.firstsecretary.infra.platform;

import java.util.concurrent.CountDownLatch;

/**
 * {@code make run}: starts the embedded broker and store and all five services, prints where to
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
        System.out.println("  API (gateway)          " + platform.gatewayUrl() + "/api/v1/bureaus");
        platform.describeServices().forEach(System.out::println);
        System.out.println("  OpenAPI                http://127.0.0.1:<service port>/v3/api-docs");
        System.out.println("  Health / metrics       <service url>/actuator/health, /actuator/prometheus");
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
