package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.molnkoll.input.CommandInput;
import se.molnkoll.kernel.catalogue.ReviewSchedules;
import se.molnkoll.kernel.event.ReviewScheduleChanged;
import se.molnkoll.recording.Recorder;

/** An administrator changes how often a measure is reviewed in operation; each change is an event. */
@RestController
@Tag(name = "Administration")
class ReviewScheduleController {

    private final Recorder recorder;
    private final ReviewSchedules schedules;

    ReviewScheduleController(Recorder recorder, ReviewSchedules schedules) {
        this.recorder = recorder;
        this.schedules = schedules;
    }

    @PostMapping("/api/admin/review-schedule")
    @Operation(operationId = "changeReviewSchedule", summary = "Change how often a measure is reviewed in a phase, or stop it recurring",
            description = "intervalMonths 1–60, or null: no longer recurs. The reason is kept in the history. It applies to "
                    + "the reviews scheduled from now on; a date already set stands until that review is recorded. Answers "
                    + "the schedule in force.")
    CatalogueController.Schedule change(@RequestBody Requests.ReviewScheduleChange body) {
        recorder.recordSetting(ReviewScheduleChanged.SCHEDULE_ID,
                CommandInput.changeReviewSchedule(body.measureId(), body.phase(), body.intervalMonths(), body.reason()));
        return CatalogueController.of(schedules.current());
    }
}
