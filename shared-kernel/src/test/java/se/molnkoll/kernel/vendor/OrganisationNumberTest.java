package se.molnkoll.kernel.vendor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.vendor.OrganisationNumber.Problem.CHECK_DIGIT;
import static se.molnkoll.kernel.vendor.OrganisationNumber.Problem.FORMAT;
import static se.molnkoll.kernel.vendor.OrganisationNumber.Problem.PERSONAL_IDENTITY_NUMBER;

class OrganisationNumberTest {

    /** Numbers as Bolagsverket lists them: Volvo, Ericsson, Spotify AB, Bolagsverket itself, a region. */
    @ParameterizedTest
    @ValueSource(strings = {"556012-5790", "5560160680", "556703-7485", "202100-5489", "212000-0142", "16556012-5790", " 556012-5790 "})
    void real_organisation_numbers_are_accepted_in_every_usual_form(String typed) {
        assertThat(OrganisationNumber.problem(typed)).isEmpty();
    }

    @Test
    void the_number_is_kept_as_bolagsverket_writes_it() {
        assertThat(OrganisationNumber.normalised("5560125790")).isEqualTo("556012-5790");
        assertThat(OrganisationNumber.normalised("16556012-5790")).isEqualTo("556012-5790");
    }

    @ParameterizedTest
    @CsvSource({
            "556012-5791, CHECK_DIGIT",
            "556021-5790, CHECK_DIGIT",
            "55601-25790, FORMAT",
            "556012-579, FORMAT",
            "556012+5790, FORMAT",
            "ABCDEF-GHIJ, FORMAT",
            "'', FORMAT",
            "800101-3294, PERSONAL_IDENTITY_NUMBER",
            "19800101-3294, FORMAT"})
    void a_mistyped_or_personal_number_is_refused_with_what_is_wrong(String typed, OrganisationNumber.Problem expected) {
        assertThat(OrganisationNumber.problem(typed)).contains(expected);
    }

    @Test
    void every_single_mistyped_digit_is_caught_by_the_check_digit() {
        String valid = "5560125790";
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThat(OrganisationNumber.problem(typo)).as(typo).isPresent();
            }
        }
        assertThat(FORMAT).isNotEqualTo(CHECK_DIGIT).isNotEqualTo(PERSONAL_IDENTITY_NUMBER);
    }
}
