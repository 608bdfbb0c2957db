package se.molnkoll.query.followup;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.TaskView;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a task: given out, reassigned, done. */
@Entity
@Table(name = "follow_up_task")
public class TaskEntry extends VersionedRow {

    private String taskId;
    private String serviceId;
    private Integer measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private String proposalId;
    private String assignee;
    private LocalDate dueOn;
    private String note;
    private String assignedBy;
    private Instant assignedAt;
    private boolean done;
    private LocalDate completedOn;
    private String completedBecause;
    private String completionNote;

    protected TaskEntry() {
    }

    TaskEntry(String taskId, String serviceId, MeasureId measureId, Phase phase, String proposalId, String assignee,
              LocalDate dueOn, String note, String assignedBy, Instant assignedAt) {
        super(assignedAt);
        this.taskId = taskId;
        this.serviceId = serviceId;
        this.measureId = measureId == null ? null : measureId.value();
        this.phase = phase;
        this.proposalId = proposalId;
        this.assignee = assignee;
        this.dueOn = dueOn;
        this.note = note;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    private TaskEntry(TaskEntry previous, Instant at) {
        super(previous, at);
        taskId = previous.taskId;
        serviceId = previous.serviceId;
        measureId = previous.measureId;
        phase = previous.phase;
        proposalId = previous.proposalId;
        assignee = previous.assignee;
        dueOn = previous.dueOn;
        note = previous.note;
        assignedBy = previous.assignedBy;
        assignedAt = previous.assignedAt;
        done = previous.done;
        completedOn = previous.completedOn;
        completedBecause = previous.completedBecause;
        completionNote = previous.completionNote;
    }

    TaskEntry reassignedAt(Instant at, String to, LocalDate due, String why) {
        TaskEntry next = new TaskEntry(this, at);
        next.assignee = to;
        next.dueOn = due;
        if (why != null) next.note = why;
        return next;
    }

    TaskEntry completedAt(Instant at, LocalDate on, String because, String why) {
        TaskEntry next = new TaskEntry(this, at);
        next.done = true;
        next.completedOn = on;
        next.completedBecause = because;
        next.completionNote = why;
        return next;
    }

    TaskView view(String serviceName, String organisationUnit, LocalDate day) {
        return new TaskView(CloudServiceId.of(serviceId), serviceName, organisationUnit, taskId,
                measureId == null ? null : new MeasureId(measureId), phase, proposalId, assignee, dueOn, note, assignedBy,
                assignedAt, done, completedOn, completedBecause, completionNote, !done && dueOn.isBefore(day));
    }
}
