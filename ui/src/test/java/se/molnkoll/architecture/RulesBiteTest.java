package se.molnkoll.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.molnkoll.api.violation.ApiImportingAPage;
import se.molnkoll.api.violation.ApiRunningAJob;
import se.molnkoll.command.violation.CommandReadingAReadModel;
import se.molnkoll.jobs.violation.JobImportingAPage;
import se.molnkoll.jobs.violation.JobReadingAxonTables;
import se.molnkoll.kernel.violation.KernelWithSpring;
import se.molnkoll.pages.violation.PageImportingTheApi;
import se.molnkoll.query.violation.QueryUsingTheAggregate;
import se.molnkoll.security.violation.SecurityImportingAPage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of {@link ArchitectureTest} finds a class that breaks it: classes of this test source set,
 * in the packages the rules govern, that each break one rule on purpose. A rule that found nothing
 * here would pass whatever the code did.
 */
class RulesBiteTest {

    @Test
    void the_api_importing_a_page_is_caught() {
        assertBites(ArchitectureTest.THE_DOORS_NEVER_IMPORT_EACH_OTHER, ApiImportingAPage.class);
    }

    @Test
    void a_page_importing_the_api_is_caught() {
        assertBites(ArchitectureTest.THE_PAGES_NEVER_IMPORT_THE_API, PageImportingTheApi.class, ApiImportingAPage.class);
    }

    @Test
    void a_job_using_another_door_is_caught() {
        assertBites(ArchitectureTest.THE_JOBS_USE_NO_OTHER_DOOR, JobImportingAPage.class);
    }

    @Test
    void a_door_using_a_job_is_caught() {
        assertBites(ArchitectureTest.NO_OTHER_DOOR_USES_THE_JOBS, ApiRunningAJob.class);
    }

    @Test
    void a_feature_importing_a_door_is_caught() {
        assertBites(ArchitectureTest.THE_FEATURES_NEVER_IMPORT_THE_DOORS, SecurityImportingAPage.class);
    }

    @Test
    void the_application_reaching_past_the_query_sides_api_is_caught() {
        assertBites(ArchitectureTest.THE_APPLICATION_USES_OF_THE_SIDES_ONLY_THEIR_API, JobReadingAxonTables.class);
    }

    @Test
    void the_kernel_knowing_spring_is_caught() {
        assertBites(ArchitectureTest.THE_KERNEL_KNOWS_NO_RUNTIME, KernelWithSpring.class);
    }

    @Test
    void the_query_side_using_the_command_side_is_caught() {
        assertBites(ArchitectureTest.THE_QUERY_SIDE_NEVER_USES_THE_COMMAND_SIDE, QueryUsingTheAggregate.class);
    }

    @Test
    void the_command_side_asking_a_read_model_is_caught() {
        assertBites(ArchitectureTest.THE_COMMAND_SIDE_USES_NO_READ_MODEL, CommandReadingAReadModel.class);
    }

    @Test
    void sql_on_axons_tables_outside_its_one_class_is_caught(@TempDir Path root) throws IOException {
        Path source = root.resolve("ui/src/main/java/se/molnkoll/jobs/Counting.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Counting { String sql = \"select count(*) from DOMAIN_EVENT_ENTRY\"; }");
        Path jpql = root.resolve("query-side/src/main/java/se/molnkoll/query/Tokens.java");
        Files.createDirectories(jpql.getParent());
        Files.writeString(jpql, "class Tokens { String jpql = \"select t from TokenEntry t\"; }");
        Path innocent = root.resolve("query-side/src/main/java/se/molnkoll/query/Innocent.java");
        Files.writeString(innocent, "class Innocent { String sql = \"select * from evidence_document\"; }");
        assertThat(ArchitectureTest.namingAxonsTables(root)).containsExactly(
                "query-side/src/main/java/se/molnkoll/query/Tokens.java", "ui/src/main/java/se/molnkoll/jobs/Counting.java");
    }

    private static void assertBites(ArchRule rule, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        assertThat(rule.evaluate(imported).hasViolation()).as(rule.getDescription()).isTrue();
    }
}
