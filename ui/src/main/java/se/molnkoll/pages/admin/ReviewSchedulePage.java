package se.molnkoll.pages.admin;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.input.CommandInput;
import se.molnkoll.input.RefusalWords;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.ReviewSchedules;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.event.ReviewScheduleChanged;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.FindAuditTrail;
import se.molnkoll.recording.Recorder;

import java.util.List;
import java.util.Locale;

/**
 * The review schedule in force, for an administrator to change (an interval, a measure added or taken
 * out, always with a reason), and every change made so far, newest first, from the audit trail.
 */
@Controller
class ReviewSchedulePage {

    static final String VIEW = "admin/reviews";

    private final ReviewSchedules schedules;
    private final Recorder recorder;
    private final QueryGateway queries;
    private final RefusalWords refusals;
    private final MessageSource messages;

    ReviewSchedulePage(ReviewSchedules schedules, Recorder recorder, QueryGateway queries, RefusalWords refusals,
                       MessageSource messages) {
        this.schedules = schedules;
        this.recorder = recorder;
        this.queries = queries;
        this.refusals = refusals;
        this.messages = messages;
    }

    @GetMapping("/admin/reviews")
    String schedule(Model model) {
        model.addAttribute("schedule", schedules.current());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("changes", queries.query(new FindAuditTrail(new AuditFilter(
                        CloudServiceId.of(ReviewScheduleChanged.SCHEDULE_ID), null, null, null, null), 0, 100, true),
                ResponseTypes.instanceOf(AuditPage.class)).join().entries());
        return VIEW;
    }

    @PostMapping("/admin/reviews")
    String change(@RequestParam(required = false) Integer measureId, @RequestParam(required = false) Phase phase,
                  @RequestParam(required = false) String intervalMonths, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect, Locale locale) {
        Integer interval;
        try {
            interval = intervalMonths == null || intervalMonths.isBlank() ? null : Integer.valueOf(intervalMonths.strip());
        } catch (NumberFormatException e) {
            interval = -1; // refused by the rule, with its words
        }
        if (measureId == null || phase == null || reason == null || reason.length() > se.molnkoll.input.Lengths.TEXT) {
            redirect.addFlashAttribute("refused", List.of(messages.getMessage("flash.scheduleChangeNeeds", null, locale)));
            return "redirect:/admin/reviews";
        }
        try {
            recorder.recordSetting(ReviewScheduleChanged.SCHEDULE_ID,
                    CommandInput.changeReviewSchedule(measureId, phase, interval, reason));
            redirect.addFlashAttribute("success", List.of(messages.getMessage("flash.scheduleChanged", null, locale)));
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refusals.reasons(refused, locale));
        }
        return "redirect:/admin/reviews";
    }
}
