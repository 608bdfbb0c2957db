package se.molnkoll.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import se.molnkoll.jobs.DigestProperties;
import se.molnkoll.security.OidcProperties;

import java.time.Duration;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A setting given blank where Molnkoll needs a value stops the start with the setting named, rather
 * than running on an empty claim name or sender; left out, the setting has its default.
 */
class SettingsCheckedAtStartTest {

    @EnableConfigurationProperties({OidcProperties.class, DigestProperties.class, se.molnkoll.reports.ReportProperties.class,
            se.molnkoll.command.runtime.CommandProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void left_out_each_setting_has_its_default() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            OidcProperties oidc = started.getBean(OidcProperties.class);
            assertThat(oidc.userNameClaim()).isEqualTo("preferred_username");
            assertThat(oidc.groupsClaim()).isEqualTo("groups");
            assertThat(oidc.scopes()).containsExactlyInAnyOrder("openid", "profile", "email");
            DigestProperties digest = started.getBean(DigestProperties.class);
            assertThat(digest.sendAt()).isEqualTo(LocalTime.of(7, 0));
            assertThat(digest.from()).isEqualTo("molnkoll@localhost");
            assertThat(digest.checkInterval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(digest.contacts()).isEmpty();
            assertThat(started.getBean(se.molnkoll.reports.ReportProperties.class).concurrentPdfs()).isEqualTo(2);
            assertThat(started.getBean(se.molnkoll.command.runtime.CommandProperties.class).cachedEvents()).isEqualTo(200_000);
        });
    }

    @Test
    void no_pdf_at_a_time_stops_the_start_naming_the_setting() {
        context.withPropertyValues("molnkoll.reports.concurrent-pdfs=0").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("molnkoll.reports.concurrent-pdfs must be 1 or more"));
    }

    @Test
    void an_aggregate_cache_of_no_event_stops_the_start_naming_the_setting() {
        context.withPropertyValues("molnkoll.commands.cached-events=0").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("molnkoll.commands.cached-events must be 1 or more"));
    }

    @Test
    void the_count_of_cached_services_of_earlier_versions_stops_the_start_naming_the_setting_that_took_its_place() {
        context.withPropertyValues("molnkoll.commands.cached-services=5000").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("molnkoll.commands.cached-services is gone")
                        .hasMessageContaining("molnkoll.commands.cached-events"));
    }

    @Test
    void a_blank_claim_name_stops_the_start_naming_the_setting() {
        context.withPropertyValues("molnkoll.oidc.user-name-claim= ").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("molnkoll.oidc").hasMessageContaining("userNameClaim"));
    }

    @Test
    void a_blank_sender_stops_the_start_naming_the_setting() {
        context.withPropertyValues("molnkoll.digest.from=").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("molnkoll.digest").hasMessageContaining("from"));
    }
}
