package io.firstsecretary.assessment.catalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    @Bean
    DutyCatalogue dutyCatalogue() {
        return DutyCatalogue.defaultCatalogue();
    }
}
