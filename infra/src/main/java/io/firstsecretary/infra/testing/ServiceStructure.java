package io.firstsecretary.infra.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The structure every service keeps: features (the packages below the service's root) free of
 * cycles, and no dependency on another service's code.
 */
public final class ServiceStructure {

    private static final List<String> SERVICES =
            List.of("identity", "organisation", "activity", "assessment", "notification", "console", "gateway");

    private final String service;
    private final JavaClasses classes;

    private ServiceStructure(String service) {
        this.service = service;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root());
    }

    /** The production classes of {@code io.firstsecretary.<service>}. */
    public static ServiceStructure of(String service) {
        return new ServiceStructure(service);
    }

    public JavaClasses classes() {
        return classes;
    }

    public void featuresAreFreeOfCycles() {
        slices().matching(root() + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    public void dependsOnNoOtherService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES.stream()
                        .filter(s -> !s.equals(service))
                        .map(s -> "io.firstsecretary." + s + "..")
                        .toArray(String[]::new))
                .check(classes);
    }

    private String root() {
        return "io.firstsecretary." + service;
    }
}
