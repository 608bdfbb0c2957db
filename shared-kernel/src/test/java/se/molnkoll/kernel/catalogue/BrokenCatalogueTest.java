package se.molnkoll.kernel.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken catalogue file is refused with a message that says what is wrong. */
class BrokenCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode shipped() throws IOException {
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream(MeasureCatalogue.DEFAULT_RESOURCE)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static MeasureCatalogue load(String json) {
        return MeasureCatalogue.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    /** The shipped file with one change made to the measure with the given id. */
    private static String withMeasure(int id, Consumer<ObjectNode> change) throws IOException {
        ObjectNode file = shipped();
        for (var node : file.withArray("measures")) {
            if (node.get("id").asInt() == id) change.accept((ObjectNode) node);
        }
        return JSON.writeValueAsString(file);
    }

    @Test
    void the_shipped_file_loads() throws IOException {
        assertThat(load(JSON.writeValueAsString(shipped())).measures()).hasSize(42);
    }

    @Test
    void a_duplicated_id_is_named() throws IOException {
        String broken = withMeasure(2, m -> m.put("id", 1));
        assertThatThrownBy(() -> load(broken)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("test.json").hasMessageContaining("measure id 1 appears more than once");
    }

    @Test
    void a_measure_without_phases_is_named() throws IOException {
        String broken = withMeasure(2, m -> m.putArray("phases"));
        assertThatThrownBy(() -> load(broken)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("measure 2 has no phase");
    }

    @Test
    void a_measure_without_any_criterion_is_named() throws IOException {
        String broken = withMeasure(31, m -> m.put("personalData", false));
        assertThatThrownBy(() -> load(broken)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("measure 31 has no criterion");
    }

    @Test
    void a_class_outside_0_to_4_is_named() throws IOException {
        String broken = withMeasure(18, m -> m.put("availability", 5));
        assertThatThrownBy(() -> load(broken)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("measure 18 has availability class 5");
    }

    @Test
    void an_id_outside_the_routines_numbering_is_named() throws IOException {
        String broken = withMeasure(42, m -> m.put("id", 43));
        assertThatThrownBy(() -> load(broken)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("measure 43 is outside 1–42");
    }

    @Test
    void a_missing_measure_is_counted() throws IOException {
        ObjectNode file = shipped();
        ArrayNode measures = file.withArray("measures");
        measures.remove(measures.size() - 1);
        assertThatThrownBy(() -> load(JSON.writeValueAsString(file))).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("expected 42 measures but found 41");
    }

    @Test
    void every_problem_is_listed_not_only_the_first() throws IOException {
        ObjectNode file = shipped();
        ArrayNode measures = file.withArray("measures");
        ((ObjectNode) measures.get(0)).putArray("phases");
        ((ObjectNode) measures.get(1)).put("text", " ");
        file.remove("version");
        assertThatThrownBy(() -> load(JSON.writeValueAsString(file))).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("measure 1 has no phase")
                .hasMessageContaining("measure 2 has no text")
                .hasMessageContaining("routine version is missing");
    }

    @Test
    void an_unknown_phase_or_malformed_json_says_where() throws IOException {
        String unknownPhase = withMeasure(2, m -> m.putArray("phases").add("PROCURE"));
        assertThatThrownBy(() -> load(unknownPhase)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("PROCURE").hasMessageContaining("line");
        assertThatThrownBy(() -> load("{ \"measures\": [ ")).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("test.json is not valid");
    }
}
