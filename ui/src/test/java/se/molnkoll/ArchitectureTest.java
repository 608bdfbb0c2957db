package se.molnkoll;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direction of dependencies between the parts. All modules are on the test class path here, so
 * these rules would catch a dependency the POMs let through.
 */
class ArchitectureTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.molnkoll");

    @Test
    void the_rules_see_every_part() {
        for (String part : new String[]{"se.molnkoll.kernel", "se.molnkoll.command", "se.molnkoll.query", "se.molnkoll.api"}) {
            assertThat(ALL.stream().anyMatch(c -> c.getPackageName().startsWith(part))).as(part).isTrue();
        }
    }

    @Test
    void the_web_layer_talks_to_the_sides_only_through_the_kernel_axons_gateways_and_the_query_sides_api() {
        // the API, the pages (web, dashboard, services, audittrail, catalogue, demo) and everything else of the ui module
        noClasses().that().resideOutsideOfPackages("se.molnkoll.command..", "se.molnkoll.query..", "se.molnkoll.kernel..")
                .should().dependOnClassesThat(resideInAnyPackage("se.molnkoll.command..", "se.molnkoll.query..")
                        .and(not(resideInAPackage("se.molnkoll.query.api.."))))
                .check(ALL);
    }

    @Test
    void the_pages_and_the_api_are_separate_doors_to_the_same_services() {
        noClasses().that().resideInAnyPackage("se.molnkoll.web..", "se.molnkoll.dashboard..", "se.molnkoll.services..",
                        "se.molnkoll.audittrail..", "se.molnkoll.catalogue..", "se.molnkoll.demo..")
                .should().dependOnClassesThat().resideInAPackage("se.molnkoll.api")
                .check(ALL);
    }

    @Test
    void commands_are_sent_only_through_the_recorder_which_guards_organisation_units() {
        // the expiry sweep sends the system's own commands, outside any user's request; config only
        // registers interceptors on the bus
        noClasses().that().doNotHaveFullyQualifiedName("se.molnkoll.recording.Recorder")
                .and().doNotHaveFullyQualifiedName("se.molnkoll.expiry.ExpirySweep")
                .and().resideOutsideOfPackages("se.molnkoll.command..", "se.molnkoll.config..")
                .should().dependOnClassesThat().areAssignableTo(org.axonframework.commandhandling.gateway.CommandGateway.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.axonframework.commandhandling.CommandBus.class)
                .check(ALL);
    }

    @Test
    void the_query_side_never_uses_the_command_side_and_the_command_side_no_read_model() {
        noClasses().that().resideInAPackage("se.molnkoll.query..")
                .should().dependOnClassesThat().resideInAPackage("se.molnkoll.command..").check(ALL);
        noClasses().that().resideInAPackage("se.molnkoll.command..")
                .should().dependOnClassesThat().resideInAnyPackage("se.molnkoll.query..", "jakarta.persistence..",
                        "org.springframework.data..").check(ALL);
    }

    @Test
    void all_code_takes_time_only_from_an_injected_clock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .check(ALL);
    }

    @Test
    void projections_each_have_their_own_processing_group() {
        classes().that().haveSimpleNameEndingWith("Projection")
                .should().beAnnotatedWith(org.axonframework.config.ProcessingGroup.class)
                .check(ALL);
    }
}
