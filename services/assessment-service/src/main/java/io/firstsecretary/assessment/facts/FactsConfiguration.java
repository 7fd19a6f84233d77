package io.firstsecretary.assessment.facts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class FactsConfiguration {

    /** The live facts: those of whichever generation is live. */
    @Bean
    Facts facts(MongoTemplate mongo, Generations generations) {
        return new Facts(mongo, generations);
    }
}
