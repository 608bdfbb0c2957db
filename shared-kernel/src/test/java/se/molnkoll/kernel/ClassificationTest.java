package se.molnkoll.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationTest {

    @Test
    void a_classification_on_the_klassa_scale_with_known_locations_has_no_problems() {
        assertThat(new Classification(4, 0, 2, true, false, List.of("SE", "NO", "EU/EEA"), null, null).problems()).isEmpty();
    }

    @Test
    void classes_outside_0_to_4_and_unknown_locations_are_named() {
        assertThat(new Classification(5, -1, 2, false, false, List.of("SE", "XX", "se", "EU"), null, null).problems())
                .containsExactly("confidentiality must be between 0 and 4, not 5", "integrity must be between 0 and 4, not -1",
                        "allowed location 'XX' is not an ISO 3166-1 country code or EU/EEA",
                        "allowed location 'se' is not an ISO 3166-1 country code or EU/EEA",
                        "allowed location 'EU' is not an ISO 3166-1 country code or EU/EEA");
    }

    @Test
    void a_stored_classification_is_read_back_even_if_it_would_no_longer_be_accepted() {
        // e.g. a country code the JDK has since dropped: history must still load
        Classification stored = new Classification(2, 2, 2, false, false, List.of("YU"), null, null);
        assertThat(stored.allowedLocations()).containsExactly("YU");
        assertThat(stored.problems()).hasSize(1);
    }
}
