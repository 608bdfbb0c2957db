package se.molnkoll.api;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.CatalogueIdentity;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;

import java.util.List;

/**
 * The routine's 42 measures. Static data from the shared kernel, so it is read directly rather than
 * through a projection.
 */
@RestController
@RequestMapping("/api/catalogue")
@Tag(name = "Measure catalogue")
class CatalogueController {

    private final MeasureCatalogue catalogue;

    CatalogueController(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A K, R or T of null means the table's cell is empty: not a criterion (unlike 0, which always applies). */
    @Schema(name = "CatalogueMeasure")
    record Entry(int id, @Nullable Integer confidentiality, @Nullable Integer integrity, @Nullable Integer availability, boolean secrecy,
                 boolean personalData, List<Phase> phases, String text, List<String> references) {
    }

    @GetMapping
    @Operation(operationId = "listMeasures",
            summary = "Every measure of the routine's table 4.5 with its criteria, phases, text and references")
    List<Entry> measures() {
        return catalogue.measures().stream()
                .map(m -> new Entry(m.id().value(), m.confidentiality(), m.integrity(), m.availability(), m.secrecy(),
                        m.personalData(), m.phasesInOrder(), m.text(), m.references()))
                .toList();
    }

    @GetMapping("/identity")
    @Operation(operationId = "getCatalogueIdentity", summary = "Which routine and version the catalogue transcribes")
    CatalogueIdentity identity() {
        return catalogue.identity();
    }
}
