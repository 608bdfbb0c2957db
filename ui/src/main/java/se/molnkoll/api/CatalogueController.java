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
import se.molnkoll.kernel.catalogue.ReviewSchedule;
import se.molnkoll.kernel.catalogue.ReviewSchedules;

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
    private final ReviewSchedules schedules;

    CatalogueController(MeasureCatalogue catalogue, ReviewSchedules schedules) {
        this.catalogue = catalogue;
        this.schedules = schedules;
    }

    @Schema(name = "ScheduledReview")
    record Review(int measureId, Phase phase, int intervalMonths, String basis) {
    }

    @Schema(name = "ReviewSchedule")
    record Schedule(String source, List<Review> reviews) {
    }

    @GetMapping("/review-schedule")
    @Operation(operationId = "getReviewSchedule",
            summary = "The measures whose duty recurs in operation, how often each is reviewed, and the routine's words for it",
            description = "The schedule shipped beside the catalogue with every change administrators have recorded since "
                    + "(POST /api/admin/review-schedule; each change is in the audit trail as ReviewScheduleChanged).")
    Schedule reviewSchedule() {
        return of(schedules.current());
    }

    static Schedule of(ReviewSchedule schedule) {
        return new Schedule(schedule.source(), schedule.entries().stream()
                .map(e -> new Review(e.pair().measureId().value(), e.pair().phase(), e.intervalMonths(), e.basis())).toList());
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
