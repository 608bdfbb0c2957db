package se.molnkoll.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direction of dependencies between the parts (docs/architecture.md). All modules are on the test
 * class path here, so these rules would catch a dependency the POMs let through. Each rule is held
 * against the production classes here, and shown to bite on classes that break it on purpose
 * ({@link RulesBiteTest}, with the classes in the {@code violation} packages of the test source set).
 */
class ArchitectureTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.molnkoll");

    /** The doors: the REST API, the pages, and the jobs nobody asks for at the moment they run. */
    static final String API = "se.molnkoll.api..";
    static final String PAGES = "se.molnkoll.pages..";
    static final String JOBS = "se.molnkoll.jobs..";
    /** What the doors share, beneath them in ui. */
    static final String[] FEATURES = {"se.molnkoll.input..", "se.molnkoll.recording..", "se.molnkoll.exports..",
            "se.molnkoll.reports..", "se.molnkoll.documents..", "se.molnkoll.security..", "se.molnkoll.requests..", "se.molnkoll.instance..",
            "se.molnkoll.config..", "se.molnkoll.logging.."};
    /** The sides and the kernel; everything else is the application around them (ui). */
    static final String[] SIDES_AND_KERNEL = {"se.molnkoll.command..", "se.molnkoll.query..", "se.molnkoll.kernel.."};

    static final ArchRule THE_DOORS_NEVER_IMPORT_EACH_OTHER = noClasses().that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAPackage(PAGES)
            .because("code both doors use lives once, in a package both import (recording, input, exports, documents)");
    static final ArchRule THE_PAGES_NEVER_IMPORT_THE_API = noClasses().that().resideInAPackage(PAGES)
            .should().dependOnClassesThat().resideInAPackage(API)
            .because("code both doors use lives once, in a package both import (recording, input, exports, documents)");
    static final ArchRule THE_JOBS_USE_NO_OTHER_DOOR = noClasses().that().resideInAPackage(JOBS)
            .should().dependOnClassesThat().resideInAnyPackage(API, PAGES)
            .because("a job runs without a request: what it shares with the doors lives beneath them");
    static final ArchRule NO_OTHER_DOOR_USES_THE_JOBS = noClasses().that().resideInAnyPackage(API, PAGES)
            .should().dependOnClassesThat().resideInAPackage(JOBS)
            .because("what a job and a door share lives beneath them");
    static final ArchRule THE_FEATURES_NEVER_IMPORT_THE_DOORS = noClasses().that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage(API, PAGES, JOBS)
            .because("the doors stand on the features, never the other way round");
    static final ArchRule THE_APPLICATION_USES_OF_THE_SIDES_ONLY_THEIR_API = noClasses()
            .that().resideOutsideOfPackages(SIDES_AND_KERNEL)
            .should().dependOnClassesThat(resideInAnyPackage("se.molnkoll.command..", "se.molnkoll.query..")
                    .and(not(resideInAPackage("se.molnkoll.query.api.."))))
            .as("the application uses of the sides only the query side's API (se.molnkoll.query.api)")
            .because("commands go through Axon's gateway, reads through its query gateway or query.api");
    static final ArchRule THE_KERNEL_KNOWS_NO_RUNTIME = noClasses().that().resideInAPackage("se.molnkoll.kernel..")
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..", "org.axonframework..")
                    .and(not(resideInAnyPackage("org.axonframework.modelling.command..", "org.axonframework.serialization.."))))
            .as("the kernel knows no Spring, JPA or Axon runtime (only Axon's annotations for commands and revisions)");
    static final ArchRule THE_QUERY_SIDE_NEVER_USES_THE_COMMAND_SIDE = noClasses().that().resideInAPackage("se.molnkoll.query..")
            .should().dependOnClassesThat().resideInAPackage("se.molnkoll.command..");
    static final ArchRule THE_COMMAND_SIDE_USES_NO_READ_MODEL = noClasses().that().resideInAPackage("se.molnkoll.command..")
            .should().dependOnClassesThat().resideInAnyPackage("se.molnkoll.query..", "jakarta.persistence..",
                    "org.springframework.data..");

    @Test
    void the_rules_see_every_part() {
        for (String part : new String[]{"se.molnkoll.kernel", "se.molnkoll.command", "se.molnkoll.command.runtime",
                "se.molnkoll.query", "se.molnkoll.query.api", "se.molnkoll.query.runtime", "se.molnkoll.api",
                "se.molnkoll.pages", "se.molnkoll.jobs", "se.molnkoll.input", "se.molnkoll.recording",
                "se.molnkoll.exports", "se.molnkoll.reports", "se.molnkoll.documents", "se.molnkoll.security", "se.molnkoll.requests",
                "se.molnkoll.instance", "se.molnkoll.config", "se.molnkoll.logging"}) {
            assertThat(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith(part))).as(part).isTrue();
        }
    }

    @Test
    void the_doors_never_import_each_other() {
        THE_DOORS_NEVER_IMPORT_EACH_OTHER.check(PRODUCTION);
        THE_PAGES_NEVER_IMPORT_THE_API.check(PRODUCTION);
        THE_JOBS_USE_NO_OTHER_DOOR.check(PRODUCTION);
        NO_OTHER_DOOR_USES_THE_JOBS.check(PRODUCTION);
    }

    @Test
    void the_features_never_import_the_doors() {
        THE_FEATURES_NEVER_IMPORT_THE_DOORS.check(PRODUCTION);
    }

    @Test
    void the_application_uses_of_the_sides_only_their_api() {
        THE_APPLICATION_USES_OF_THE_SIDES_ONLY_THEIR_API.check(PRODUCTION);
    }

    @Test
    void the_kernel_knows_no_spring_jpa_or_axon_runtime() {
        THE_KERNEL_KNOWS_NO_RUNTIME.check(PRODUCTION);
    }

    @Test
    void the_query_side_never_uses_the_command_side_and_the_command_side_no_read_model() {
        THE_QUERY_SIDE_NEVER_USES_THE_COMMAND_SIDE.check(PRODUCTION);
        THE_COMMAND_SIDE_USES_NO_READ_MODEL.check(PRODUCTION);
    }

    @Test
    void only_one_class_per_side_names_axons_tables() throws IOException {
        assertThat(namingAxonsTables(Path.of(".."))).containsExactlyInAnyOrder(
                "command-side/src/main/java/se/molnkoll/command/runtime/AxonTables.java",
                "query-side/src/main/java/se/molnkoll/query/persistence/AxonTables.java");
    }

    @Test
    void commands_are_sent_only_through_the_recorder_which_guards_organisation_units() {
        // the expiry sweep and the vendor evidence follower send the system's own commands, outside any user's request; the command side
        // builds the gateway; ActorAndCorrelation only registers an interceptor on the bus (who sent it,
        // from which request)
        noClasses().that().doNotHaveFullyQualifiedName("se.molnkoll.recording.Recorder")
                .and().doNotHaveFullyQualifiedName("se.molnkoll.jobs.ExpirySweep")
                .and().doNotHaveFullyQualifiedName("se.molnkoll.jobs.VendorEvidenceFollower")
                .and().doNotHaveFullyQualifiedName("se.molnkoll.recording.ActorAndCorrelation")
                .and().resideOutsideOfPackages("se.molnkoll.command..")
                .should().dependOnClassesThat().areAssignableTo(org.axonframework.commandhandling.gateway.CommandGateway.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.axonframework.commandhandling.CommandBus.class)
                .check(PRODUCTION);
    }

    @Test
    void all_code_takes_time_only_from_an_injected_clock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .check(PRODUCTION);
    }

    @Test
    void projections_each_have_their_own_processing_group() {
        classes().that().haveSimpleNameEndingWith("Projection")
                .should().beAnnotatedWith(org.axonframework.config.ProcessingGroup.class)
                .check(PRODUCTION);
    }

    /** Axon's tables named in Java source: in SQL, or in JPQL by their entities' names. */
    static final Pattern AXONS_TABLES = Pattern.compile(
            "domain_event_entry|token_entry|snapshot_event_entry|saga_entry|dead_letter_entry"
                    + "|from\\s+(DomainEventEntry|TokenEntry|SnapshotEventEntry)\\b", Pattern.CASE_INSENSITIVE);

    /** The main Java sources below the root that name one of Axon's tables, relative to it. */
    static List<String> namingAxonsTables(Path root) throws IOException {
        Set<String> modules = Set.of("shared-kernel", "command-side", "query-side", "ui");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> modules.stream().anyMatch(m -> p.startsWith(m + "/src/main/java/")))
                    .filter(p -> {
                        try {
                            return AXONS_TABLES.matcher(Files.readString(root.resolve(p))).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sorted().toList();
        }
    }
}
