package se.molnkoll.kernel.catalogue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountryRulesTest {

    private final CountryRules rules = CountryRules.loadDefault();

    @Test
    void the_shipped_rules_list_the_thirty_eu_eea_members_and_the_adequacy_decisions_with_source_and_date() {
        assertThat(rules.listed().values().stream().filter(CountryRules.CountryRule::euEea)).hasSize(30);
        assertThat(rules.of("SE").euEea()).isTrue();
        assertThat(rules.of("NO").euEea()).isTrue();
        assertThat(rules.of("CH").euEea()).isFalse();
        assertThat(rules.of("CH").adequacy().decidedOn()).isEqualTo(LocalDate.of(2000, 7, 26));
        assertThat(rules.of("JP").personalDataMayGo()).isTrue();
        assertThat(rules.of("US").adequacy().whole()).isFalse();
        assertThat(rules.of("US").personalDataMayGo()).isFalse();
        assertThat(rules.of("CN")).isEqualTo(CountryRules.CountryRule.THIRD_COUNTRY);
        assertThat(rules.source()).contains("commission.europa.eu");
        assertThat(rules.asOf()).isNotNull();
    }

    @Test
    void an_administrators_change_replaces_one_countrys_rule() {
        CountryRules changed = rules.with("US", CountryRules.CountryRule.THIRD_COUNTRY);
        assertThat(changed.of("US")).isEqualTo(CountryRules.CountryRule.THIRD_COUNTRY);
        assertThat(changed.listed()).doesNotContainKey("US");
        assertThat(rules.of("US").adequacy()).isNotNull();
    }

    @Test
    void a_broken_file_is_refused_with_every_reason() {
        String broken = """
                {"source": "", "asOf": "igår", "note": null, "euEea": ["SE", "SE", "XX"],
                 "adequacy": [{"country": "SE", "decidedOn": "2020-01-01", "whole": true, "reference": "x"},
                              {"country": "JP", "decidedOn": "2019-13-01", "whole": true, "reference": "y"}]}""";
        assertThatThrownBy(() -> CountryRules.load(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "test"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("SE is listed twice")
                .hasMessageContaining("'XX' is not")
                .hasMessageContaining("SE is in the EU/EEA")
                .hasMessageContaining("JP: '2019-13-01' is not a date")
                .hasMessageContaining("asOf")
                .hasMessageContaining("name its source");
    }
}
