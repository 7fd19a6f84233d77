package io.firstsecretary.organisation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StructureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.firstsecretary.organisation");

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("io.firstsecretary.organisation.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void theServiceDependsOnNoOtherService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.firstsecretary.activity..",
                        "io.firstsecretary.assessment..",
                        "io.firstsecretary.notification..",
                        "io.firstsecretary.gateway..")
                .check(CLASSES);
    }
}
