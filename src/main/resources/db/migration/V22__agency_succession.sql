-- Open tasks of agencies that ended (merger, dissolution, the end of the district level): moved to the successor,
-- or the secretariat told that nobody took them over. One row per task and ended agency: the row is written before
-- the move, so on two nodes only one moves a task (the other's insert fails and it leaves the task alone).
create table agency_succession (
    task_id          varchar(64)  not null,
    from_agency      varchar(32)  not null,
    to_agency        varchar(32),
    outcome          varchar(16)  not null,
    plan_id          bigint,
    obligation_id    bigint,
    detail           varchar(1000),
    decided_at       timestamp    not null,
    primary key (task_id, from_agency)
);
create index ix_agency_succession_plan on agency_succession (plan_id);
