package se.molnkoll.pages.services;

import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.input.CommandInput;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindTasks;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.TaskView;
import se.molnkoll.security.Role;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Tasks: a contract manager gives an open measure or a waiting proposal to a person with a due date, and
 * moves it; the person it is given to (or a contract manager) marks it done; "Mina uppgifter" lists the
 * signed-in user's open ones, most urgent first.
 */
@Controller
class TaskForms {

    static final String FORM = "services/task-form";
    static final String MINE = "tasks";

    private final FormSending forms;
    private final QueryGateway queries;
    private final MeasureCatalogue catalogue;
    private final Clock clock;

    TaskForms(FormSending forms, QueryGateway queries, MeasureCatalogue catalogue, Clock clock) {
        this.forms = forms;
        this.queries = queries;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/services/{id}/tasks/new")
    String initTaskForm(@PathVariable String id, @RequestParam(required = false) Integer measureId,
                        @RequestParam(required = false) Phase phase, @RequestParam(required = false) String proposalId,
                        Model model) {
        Forms.Task form = new Forms.Task();
        form.setMeasureId(measureId);
        form.setPhase(phase);
        form.setProposalId(proposalId == null ? null : FormSending.id(proposalId));
        form.setDueOn(BusinessDates.today(clock).plusDays(14));
        model.addAttribute("form", form);
        return taskForm(forms.current(id), model);
    }

    @PostMapping("/services/{id}/tasks/new")
    String assign(@PathVariable String id, @Valid @ModelAttribute("form") Forms.Task form, BindingResult binding, Model model,
                  RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (binding.hasErrors()) return taskForm(view, model);
        return forms.send(view.id(), CommandInput.assignTask(view.id(), form.getMeasureId(), form.getPhase(),
                form.getProposalId() == null || form.getProposalId().isBlank() ? null : FormSending.id(form.getProposalId()),
                form.getAssignee(), form.getDueOn(), form.getNote()), "flash.taskAssigned", redirect, model, locale,
                () -> taskForm(view, model));
    }

    @PostMapping("/services/{id}/tasks/{taskId}/reassignment")
    String reassign(@PathVariable String id, @PathVariable String taskId, @Valid @ModelAttribute("task") Forms.Task form,
                    BindingResult binding, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.reassignmentNeeds", locale)));
            return FormSending.serviceRedirect(view.id());
        }
        return forms.sendThenBack(view.id(), CommandInput.reassignTask(view.id(), FormSending.id(taskId),
                form.getAssignee(), form.getDueOn(), form.getNote()), "flash.taskReassigned", redirect, locale);
    }

    @PostMapping("/services/{id}/tasks/{taskId}/completion")
    String complete(@PathVariable String id, @PathVariable String taskId, @RequestParam(required = false) String note,
                    @RequestParam(required = false) String back, Authentication who, RedirectAttributes redirect,
                    Locale locale) {
        CloudServiceView view = forms.current(id);
        String task = FormSending.id(taskId);
        TaskView current = queries.query(new FindTasks(Moment.NOW, null, view.id(), true),
                        ResponseTypes.multipleInstancesOf(TaskView.class)).join().stream()
                .filter(t -> t.taskId().equals(task)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!Role.mayMarkDone(who, current.assignee())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String done;
        if (tooLong(note, se.molnkoll.input.Lengths.TEXT)) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.decisionTooLong", locale)));
            done = FormSending.serviceRedirect(view.id());
        } else {
            done = forms.sendThenBack(view.id(), CommandInput.completeTask(view.id(), task, note), "flash.taskCompleted",
                    redirect, locale);
        }
        return "mine".equals(back) ? "redirect:/tasks" : done;
    }

    /** A review recorded from the service page's table of recurring reviews: outcome, note, reference. */
    @PostMapping("/services/{id}/reviews")
    String review(@PathVariable String id, @RequestParam(required = false) Integer measureId,
                  @RequestParam(required = false) Phase phase,
                  @RequestParam(required = false) se.molnkoll.kernel.command.RecordReview.ReviewOutcome outcome,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String reference,
                  RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (measureId == null || phase == null || outcome == null || tooLong(note, se.molnkoll.input.Lengths.TEXT)
                || tooLong(reference, se.molnkoll.input.Lengths.NAME)) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.reviewNeeds", locale)));
            return FormSending.serviceRedirect(view.id());
        }
        return forms.sendThenBack(view.id(), CommandInput.recordReview(view.id(), measureId, phase, outcome, note, reference),
                "flash.reviewRecorded", redirect, locale);
    }

    private static boolean tooLong(String text, int limit) {
        return text != null && text.length() > limit;
    }

    /** Every recurring review of services in operation, past due first, then the soonest due. */
    @GetMapping("/reviews")
    String reviews(Model model) {
        List<se.molnkoll.kernel.query.ReviewView> reviews = queries.query(
                new se.molnkoll.kernel.query.FindReviews(Moment.NOW, null, false),
                ResponseTypes.multipleInstancesOf(se.molnkoll.kernel.query.ReviewView.class)).join();
        model.addAttribute("reviews", reviews.stream()
                .sorted(java.util.Comparator.comparing((se.molnkoll.kernel.query.ReviewView r) -> r.pastDueFrom() == null)
                        .thenComparing(se.molnkoll.kernel.query.ReviewView::dueOn)).toList());
        return "reviews";
    }

    /** The signed-in user's open tasks, most urgent first. */
    @GetMapping("/tasks")
    String mine(Authentication who, Model model) {
        List<TaskView> tasks = queries.query(new FindTasks(Moment.NOW, who.getName(), null, true),
                ResponseTypes.multipleInstancesOf(TaskView.class)).join();
        model.addAttribute("tasks", tasks);
        model.addAttribute("summaries", tasks.stream().collect(java.util.stream.Collectors.toMap(TaskView::taskId,
                t -> t.measureId() == null ? "" : catalogue.measure(t.measureId()).map(FormSending::summary).orElse(""))));
        return MINE;
    }

    private String taskForm(CloudServiceView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("open", view.measures().stream().filter(m -> m.status().isOpen()).toList());
        model.addAttribute("waiting", view.riskProposals().stream()
                .filter(p -> p.state() == se.molnkoll.kernel.query.RiskProposalView.State.PENDING).toList());
        return FORM;
    }
}
