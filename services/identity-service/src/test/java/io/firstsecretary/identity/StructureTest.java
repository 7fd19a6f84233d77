package io.firstsecretary.identity;

import io.firstsecretary.infra.testing.ServiceStructure;
import org.junit.jupiter.api.Test;

class StructureTest {

    static final ServiceStructure STRUCTURE = ServiceStructure.of("identity");

    @Test
    void featuresAreFreeOfCycles() {
        STRUCTURE.featuresAreFreeOfCycles();
    }

    @Test
    void theServiceDependsOnNoOtherService() {
        STRUCTURE.dependsOnNoOtherService();
    }
}
