-- A rebuild of the read models beside the ones that serve (issue 26, ADR 0022): its state, shared by every
-- instance, and the generation of the read models that serve, which a switch counts up.
create table read_model_rebuild (
    id           integer      not null,
    state        varchar(16)  not null,
    requested_by varchar,
    started_at   timestamp(6) with time zone not null,
    finished_at  timestamp(6) with time zone,
    events_total bigint       not null,
    target       bigint       not null,
    owner        varchar,
    heartbeat    timestamp(6) with time zone,
    message      varchar,
    -- the schema's version (Flyway) the rebuild's tables were made like: a rebuild under way when a migration
    -- changes the read models begins again
    schema_version varchar,
    constraint pk_read_model_rebuild primary key (id)
);

create table read_model_generation (
    id         integer not null,
    generation bigint  not null,
    constraint pk_read_model_generation primary key (id)
);
insert into read_model_generation (id, generation) values (1, 0);
