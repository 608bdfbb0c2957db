package se.molnkoll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.molnkoll.input.CommandInput;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.command.AssignTask;
import se.molnkoll.kernel.query.FindTasks;
import se.molnkoll.kernel.query.FindReviews;
import se.molnkoll.kernel.query.ReviewView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.TaskView;
import se.molnkoll.security.Role;

import java.util.List;

/**
 * Follow-up: open measures and proposals given to a person with a due date (given out and moved by contract
 * managers, marked done by the person they are given to or a contract manager), and the recurring reviews
 * of services in operation (recorded by contract managers); listed for anyone.
 */
@RestController
@Tag(name = "Tasks")
class TaskController {

    private final Commands commands;
    private final QueryGateway queries;

    TaskController(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/api/services/{id}/tasks")
    @Operation(operationId = "assignTask", summary = "Give an open measure, or a proposal waiting for the risk owner, to a person",
            description = "Either measureId and phase (a measure open today) or proposalId (a proposal waiting for the risk "
                    + "owner). dueOn is not before today. One open task per measure or proposal; reassign it to change it. "
                    + "A task about a measure is done by itself when the measure is covered or risk-accepted, one about a "
                    + "proposal when it is decided. Answers 201 with the task's id.")
    @ApiResponse(responseCode = "201", description = "Recorded; the body holds the task's id")
    @ApiResponse(responseCode = "202", description = "Recorded, but reads may not show it yet; the body holds the task's id",
            content = @Content(schema = @Schema(implementation = Answers.Created.class)), headers = @Header(
            name = Commands.READ_YOUR_WRITES_HEADER, required = true, schema = @Schema(type = "string", allowableValues = Commands.NOT_CONFIRMED)))
    ResponseEntity<Answers.Created> assignTask(@PathVariable String id, @RequestBody Requests.Task body) {
        CloudServiceId service = Ids.service(id);
        AssignTask command = CommandInput.assignTask(service, body.measureId(), body.phase(), body.proposalId(), body.assignee(),
                body.dueOn(), body.note());
        return commands.sendAndAnswer(service, command, HttpStatus.CREATED, new Answers.Created(command.taskId()));
    }

    @PostMapping("/api/services/{id}/tasks/{taskId}/reassignment")
    @Operation(operationId = "reassignTask", summary = "Give an open task to another person, or move its due date")
    ResponseEntity<List<TaskView>> reassignTask(@PathVariable String id, @PathVariable String taskId,
                                                @RequestBody Requests.TaskReassignment body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.reassignTask(service, Ids.task(id, taskId), body.assignee(),
                body.dueOn(), body.note()), HttpStatus.OK, () -> tasksOf(service));
    }

    @PostMapping("/api/services/{id}/tasks/{taskId}/completion")
    @Operation(operationId = "completeTask", summary = "Mark an open task done (the person it is given to, or a contract manager)",
            description = "Refused (403) for anyone else. Answers with the service's tasks.")
    ResponseEntity<List<TaskView>> completeTask(@PathVariable String id, @PathVariable String taskId,
                                                @RequestBody Requests.TaskCompletion body, Authentication who) {
        CloudServiceId service = Ids.service(id);
        String task = Ids.task(id, taskId);
        TaskView current = tasksOf(service).stream().filter(t -> t.taskId().equals(task)).findFirst()
                .orElseThrow(() -> new NotFoundException("Cloud service " + id + " has no task " + taskId));
        if (!Role.mayMarkDone(who, current.assignee())) {
            throw new AccessDeniedException("Task " + taskId + " is given to " + current.assignee()
                    + "; only they or a contract manager may mark it done");
        }
        return commands.sendAndShow(service, CommandInput.completeTask(service, task, body.note()), HttpStatus.OK,
                () -> tasksOf(service));
    }

    @GetMapping("/api/tasks")
    @Operation(operationId = "listTasks", summary = "Tasks, most urgent first: overdue first, then by due date",
            description = "Those given to assignee (mine=true: the signed-in user), of the service given, open ones only "
                    + "unless open=false. overdue: open and due before today.")
    List<TaskView> tasks(@RequestParam(required = false) @Parameter(description = "A person's user name") String assignee,
                         @RequestParam(required = false) @Parameter(description = "The signed-in user's own") Boolean mine,
                         @RequestParam(required = false) @Parameter(schema = @Schema(format = "uuid")) String serviceId,
                         @RequestParam(required = false) @Parameter(description = "Open ones only (default)") Boolean open,
                         Authentication who) {
        String person = Boolean.TRUE.equals(mine) ? who.getName() : assignee;
        CloudServiceId service = serviceId == null ? null : Ids.service(serviceId);
        return queries.query(new FindTasks(Moment.NOW, person, service, !Boolean.FALSE.equals(open)),
                ResponseTypes.multipleInstancesOf(TaskView.class)).join();
    }

    @PostMapping("/api/services/{id}/reviews")
    @Tag(name = "Tasks")
    @Operation(operationId = "recordReview", summary = "Record the recurring review of a measure in operation",
            description = "Only measures of the review schedule (GET /api/catalogue/review-schedule) that apply, of a service "
                    + "in operation. The reviewer is the signed-in user; the next review is due one interval from today. A "
                    + "measure REVIEW_DUE is covered or risk-accepted again from today.")
    ResponseEntity<List<ReviewView>> recordReview(@PathVariable String id, @RequestBody Requests.Review body) {
        CloudServiceId service = Ids.service(id);
        return commands.sendAndShow(service, CommandInput.recordReview(service, body.measureId(), body.phase(), body.outcome(),
                body.note(), body.reference()), HttpStatus.OK, () -> reviewsOf(service, false));
    }

    @GetMapping("/api/reviews")
    @Operation(operationId = "listReviews", summary = "Recurring reviews of services in operation, soonest due first",
            description = "Of the service given, or of every service in operation; only those past due with pastDue=true.")
    List<ReviewView> reviews(@RequestParam(required = false) @Parameter(schema = @Schema(format = "uuid")) String serviceId,
                             @RequestParam(required = false) Boolean pastDue) {
        return reviewsOf(serviceId == null ? null : Ids.service(serviceId), Boolean.TRUE.equals(pastDue));
    }

    private List<ReviewView> reviewsOf(CloudServiceId service, boolean pastDueOnly) {
        return queries.query(new FindReviews(Moment.NOW, service, pastDueOnly), ResponseTypes.multipleInstancesOf(ReviewView.class))
                .join();
    }

    private List<TaskView> tasksOf(CloudServiceId service) {
        return queries.query(new FindTasks(Moment.NOW, null, service, false), ResponseTypes.multipleInstancesOf(TaskView.class))
                .join();
    }
}
