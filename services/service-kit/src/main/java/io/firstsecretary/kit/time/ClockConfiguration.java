package io.firstsecretary.kit.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time. {@code firstsec.clock.fixed} (an ISO instant) freezes it, for
 * demonstrations and end-to-end tests that must not depend on the day they run.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** Periods are calendar periods in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock(@Value("${firstsec.clock.fixed:}") String fixed) {
        return fixed.isBlank() ? Clock.system(ZONE) : Clock.fixed(Instant.parse(fixed), ZONE);
    }
}
