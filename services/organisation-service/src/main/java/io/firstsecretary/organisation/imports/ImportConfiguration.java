package io.firstsecretary.organisation.imports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Imports applied after their answer run one at a time, each on a directory the one before left. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    static final String EXECUTOR = "importExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor importExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("import-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(20);
        // an import under way finishes before the service stops, so its log does not stay RUNNING
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(120);
        return executor;
    }
}
