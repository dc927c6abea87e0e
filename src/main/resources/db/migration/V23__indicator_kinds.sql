-- What an indicator counts (issue #12): a count, a percentage reported as numerator and denominator, an amount, a
-- criterion met or not by each agency, or a figure relative to a past year's (baseline). Indicators registered before
-- were numbers to reach at least: COUNT, AT_LEAST.
alter table indicator add column kind varchar(16) default 'COUNT' not null;
alter table indicator add column comparison varchar(16) default 'AT_LEAST' not null;
alter table indicator add column baseline double precision;
alter table indicator add column baseline_year int;

-- An agency's figure: a number (figure), a fraction (numerator, denominator) or met / not met.
alter table report_figure alter column figure drop not null;
alter table report_figure add column numerator double precision;
alter table report_figure add column denominator double precision;
alter table report_figure add column met boolean;

-- The consolidated figure of each indicator, as leadership signed it, kept with the report sent.
create table consolidated_figure (
    report_id      bigint        not null references consolidated_report (id) on delete cascade,
    position       int           not null,
    indicator_id   bigint        not null references indicator (id),
    total          double precision,
    numerator      double precision,
    denominator    double precision,
    agencies       int           not null,
    agencies_met   int,
    result         varchar(1000) not null,
    met            boolean,
    assessment     varchar(64)   not null,
    primary key (report_id, position)
);
