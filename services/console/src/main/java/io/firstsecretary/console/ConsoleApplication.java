package io.firstsecretary.console;

import io.firstsecretary.console.web.Labels;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The console (控制台): the pages people use, rendered here and calling the platform's API through
 * the gateway with the signed-in person's own token, so it sees exactly what that person may see.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    /** As every service's: {@code firstsec.clock.fixed} freezes the day for demonstrations and tests. */
    @Bean
    Clock clock(@Value("${firstsec.clock.fixed:}") String fixed) {
        return fixed.isBlank() ? Clock.system(Labels.ZONE) : Clock.fixed(Instant.parse(fixed), Labels.ZONE);
    }

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
