package se.molnkoll.kernel.vendor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class VendorNamesTest {

    private static final List<String> RECORDS = List.of("Microsoft AB", "Atea Sverige AB", "Tieto Evry Oyj", "Visma Enterprise AB",
            "Visma Spcs AB", "Åkerströms Datadrift HB");

    @Test
    void case_accents_punctuation_and_company_forms_do_not_stop_a_match() {
        assertThat(VendorNames.bestMatch("microsoft", RECORDS, Function.identity())).contains("Microsoft AB");
        assertThat(VendorNames.bestMatch("Microsoft Sverige AB", RECORDS, Function.identity())).contains("Microsoft AB");
        assertThat(VendorNames.bestMatch("ATEA", RECORDS, Function.identity())).contains("Atea Sverige AB");
        assertThat(VendorNames.bestMatch("Tieto-Evry", RECORDS, Function.identity())).contains("Tieto Evry Oyj");
        assertThat(VendorNames.bestMatch("Akerstroms datadrift", RECORDS, Function.identity())).contains("Åkerströms Datadrift HB");
    }

    @Test
    void a_name_matching_two_records_or_none_proposes_nothing() {
        assertThat(VendorNames.bestMatch("Visma", RECORDS, Function.identity())).isEmpty();
        assertThat(VendorNames.bestMatch("Google", RECORDS, Function.identity())).isEmpty();
        assertThat(VendorNames.bestMatch("AB", RECORDS, Function.identity())).isEmpty();
        assertThat(VendorNames.bestMatch("Visma Spcs", RECORDS, Function.identity())).contains("Visma Spcs AB");
    }
}
