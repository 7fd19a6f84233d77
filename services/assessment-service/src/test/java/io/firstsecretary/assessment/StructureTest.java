package io.firstsecretary.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.firstsecretary.infra.testing.ServiceStructure;
import org.junit.jupiter.api.Test;

class StructureTest {

    static final ServiceStructure STRUCTURE = ServiceStructure.of("assessment");

    @Test
    void featuresAreFreeOfCycles() {
        STRUCTURE.featuresAreFreeOfCycles();
    }

    @Test
    void theServiceDependsOnNoOtherService() {
        STRUCTURE.dependsOnNoOtherService();
    }

    @Test
    void periodsAndTheCatalogueAreFreeOfFrameworks() {
        noClasses()
                .that()
                .resideInAPackage("io.firstsecretary.assessment.period..")
                .or()
                .haveSimpleName("Duty")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
                .check(STRUCTURE.classes());
    }
}
