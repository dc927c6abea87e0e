-- What each assignment owes (issue #12): a sub-plan (with its own deadline or the plan's), reports on all, some or
-- none of the plan's periods, commendation proposals. Stored as the secretariat confirmed them, role defaults applied.
alter table plan_assignment add column owes_sub_plan boolean default false not null;
alter table plan_assignment add column sub_plan_deadline date;
alter table plan_assignment add column sub_plan_deadline_phrase varchar(255);
alter table plan_assignment add column reports_on_all_periods boolean default false not null;
alter table plan_assignment add column proposes_commendation boolean default false not null;

-- the periods an assignment reports on, by label, when it reports on some of them only
create table plan_assignment_period (
    assignment_id  bigint       not null references plan_assignment (id) on delete cascade,
    period_label   varchar(128) not null,
    primary key (assignment_id, period_label)
);

-- plans registered before: every assignee owed everything the plan asked (the behaviour they were issued with)
update plan_assignment set reports_on_all_periods = true, proposes_commendation = true,
    owes_sub_plan = (select p.sub_plan_deadline is not null from plan p where p.id = plan_assignment.plan_id);
