-- Open measures and proposals given to a person with a due date (TaskAssigned, TaskReassigned,
-- TaskCompleted), one version per change: "Mina uppgifter", each service's tasks and the overdue ones per
-- unit, as of any moment.
create table follow_up_task (
    row_id           bigint       not null,
    task_id          varchar(36)  not null,
    service_id       varchar(36)  not null,
    measure_id       integer,
    phase            varchar(16),
    proposal_id      varchar(36),
    assignee         varchar      not null,
    due_on           date         not null,
    note             varchar,
    assigned_by      varchar      not null,
    assigned_at      timestamp(6) with time zone not null,
    done             boolean      not null,
    completed_on     date,
    completed_because varchar(32),
    completion_note  varchar,
    recorded_from    timestamp(6) with time zone not null,
    recorded_to      timestamp(6) with time zone,
    constraint pk_follow_up_task primary key (row_id)
);
create index ix_follow_up_task_task on follow_up_task (task_id, recorded_to);
create index ix_follow_up_task_assignee on follow_up_task (assignee, recorded_to);
create index ix_follow_up_task_service on follow_up_task (service_id, recorded_to);
