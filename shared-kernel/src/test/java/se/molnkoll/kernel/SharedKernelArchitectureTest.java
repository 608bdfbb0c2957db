package se.molnkoll.kernel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The shared kernel is plain Java: no Spring, no JPA, no Hibernate. */
class SharedKernelArchitectureTest {

    private final JavaClasses kernel = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.molnkoll.kernel");

    @Test
    void the_rule_looks_at_the_real_kernel() {
        assertThat(kernel.contain(se.molnkoll.kernel.catalogue.MeasureCatalogue.class)).isTrue();
        assertThat(kernel.size()).isGreaterThan(30);
    }

    @Test
    void the_kernel_depends_on_no_spring_and_no_persistence_framework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..")
                .check(kernel);
    }
}
