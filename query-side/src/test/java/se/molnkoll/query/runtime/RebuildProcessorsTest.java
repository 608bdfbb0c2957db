package se.molnkoll.query.runtime;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildProcessorsTest {

    private static final RebuildProcessors.Settings TWO = new RebuildProcessors.Settings(2, 2, 500);
    private static final RebuildProcessors.Settings ONE = new RebuildProcessors.Settings(1, 1, 500);

    @Test
    void read_models_alike_share_a_rebuild_processor_named_after_them_in_order() {
        Map<String, RebuildProcessors.Settings> settings = new LinkedHashMap<>();
        settings.put("register", TWO);
        settings.put("measures", TWO);
        settings.put("audit", TWO);
        settings.put("vendors", ONE);

        assertThat(RebuildProcessors.grouped(settings)).containsExactly(
                Map.entry("register", "rebuild-register-measures-audit"),
                Map.entry("measures", "rebuild-register-measures-audit"),
                Map.entry("audit", "rebuild-register-measures-audit"),
                Map.entry("vendors", "rebuild-vendors"));
    }

    @Test
    void a_read_model_whose_segments_threads_or_batch_differ_gets_one_of_its_own() {
        Map<String, RebuildProcessors.Settings> settings = new LinkedHashMap<>();
        settings.put("register", TWO);
        settings.put("measures", new RebuildProcessors.Settings(4, 2, 500)); // other segments: other positions
        settings.put("audit", TWO);
        settings.put("vendors", new RebuildProcessors.Settings(1, 1, 250));

        assertThat(RebuildProcessors.grouped(settings)).containsExactly(
                Map.entry("register", "rebuild-register-audit"),
                Map.entry("measures", "rebuild-measures"),
                Map.entry("audit", "rebuild-register-audit"),
                Map.entry("vendors", "rebuild-vendors"));
    }
}
