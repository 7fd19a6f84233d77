package io.firstsecretary.console;

import io.firstsecretary.infra.testing.ServiceStructure;
import org.junit.jupiter.api.Test;

class StructureTest {

    static final ServiceStructure STRUCTURE = ServiceStructure.of("console");

    @Test
    void featuresAreFreeOfCycles() {
        STRUCTURE.featuresAreFreeOfCycles();
    }

    @Test
    void theConsoleDependsOnNoService() {
        STRUCTURE.dependsOnNoOtherService();
    }
}
