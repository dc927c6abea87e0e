package vn.pcmt.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.pcmt.obligation.ObligationKind;

/**
 * The monitor's SQL, for H2 and PostgreSQL alike. The application's timestamps (obligation, plan) are stored in UTC
 * (hibernate.jdbc.time_zone); the engine's are written by the engine in the JVM's zone, so each side is bound and read
 * in its own convention. Every statement starts from an index: obligations by plan, tasks and incidents by process
 * instance, candidate links by task.
 */
@Repository
class MonitorQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final EngineTables act;

  MonitorQueries(NamedParameterJdbcTemplate jdbc, EngineTables act) {
    this.jdbc = jdbc;
    this.act = act;
  }

  // --- the plan list -------------------------------------------------------------------------------------------

  record PlanCounts(long planId, String planNumber, String title, LocalDate issueDate, String standingAgency,
      String issuingAgency, String processInstanceId, long agencies, long total, long onTime, long late,
      long overdue, long pending) {
  }

  /** The plans in flight the viewer sees, each with its obligations counted by state, in one GROUP BY. */
  List<PlanCounts> planCounts(Viewer viewer, Instant now) {
    return jdbc.query("select p.id, p.plan_number, p.title, p.issue_date, p.standing_agency, p.issuing_agency,"
        + " p.process_instance_id, count(o.plan_id) total,"
        + " sum(case when o.delivered_at <= o.due_at then 1 else 0 end) on_time,"
        + " sum(case when o.delivered_at > o.due_at then 1 else 0 end) late,"
        + " sum(case when o.delivered_at is null and o.due_at < :now then 1 else 0 end) overdue,"
        + " sum(case when o.delivered_at is null and o.due_at >= :now then 1 else 0 end) pending"
        + " from plan p left join obligation o on o.plan_id = p.id"
        + " where p.status = 'ISSUED' and " + visible(viewer)
        + " group by p.id, p.plan_number, p.title, p.issue_date, p.standing_agency, p.issuing_agency,"
        + " p.process_instance_id order by p.issue_date desc, p.id desc",
        visibility(viewer).addValue("now", utc(now)),
        (rs, i) -> new PlanCounts(rs.getLong("id"), rs.getString("plan_number"), rs.getString("title"),
            rs.getObject("issue_date", LocalDate.class), rs.getString("standing_agency"),
            rs.getString("issuing_agency"), rs.getString("process_instance_id"), 0,
            rs.getLong("total"), rs.getLong("on_time"), rs.getLong("late"), rs.getLong("overdue"),
            rs.getLong("pending")));
  }

  /** How many agencies owe each plan something (distinct agencies of its obligations, from the unique index). */
  Map<Long, Long> agencyCounts(Viewer viewer) {
    Map<Long, Long> counts = new HashMap<>();
    jdbc.query("select x.plan_id, count(*) n from (select distinct o.plan_id, o.agency_code from obligation o"
        + " join plan p on p.id = o.plan_id where p.status = 'ISSUED' and " + visible(viewer) + ") x group by x.plan_id",
        visibility(viewer), rs -> {
          counts.put(rs.getLong("plan_id"), rs.getLong("n"));
        });
    return counts;
  }

  /**
   * Per plan, how many open steps not yet due have had no activity since {@code since} (see {@link StatusRules}).
   * An agency's sub-plan or report has a process instance of its own: its tasks are the agency's. The commendation
   * proposals share one instance: an agency's task there is the one whose candidate group is the agency.
   */
  Map<Long, Long> stalledCounts(Viewer viewer, Instant now, Instant since) {
    Map<Long, Long> counts = new HashMap<>();
    MapSqlParameterSource params = visibility(viewer).addValue("now", utc(now)).addValue("since", engine(since))
        .addValue("commendation", ObligationKind.COMMENDATION_PROPOSAL.name());
    String open = " from obligation o join plan p on p.id = o.plan_id where p.status = 'ISSUED' and " + visible(viewer)
        + " and o.delivered_at is null and o.due_at >= :now";
    jdbc.query("select o.plan_id, count(*) n" + open + " and o.kind <> :commendation"
        + " and exists (select 1 from " + act.task + " t where t.PROC_INST_ID_ = o.process_instance_id)"
        + " and not exists (select 1 from " + act.task + " t where t.PROC_INST_ID_ = o.process_instance_id"
        + " and (t.CREATE_TIME_ >= :since or t.LAST_UPDATED_ >= :since)) group by o.plan_id", params,
        rs -> {
          counts.merge(rs.getLong("plan_id"), rs.getLong("n"), Long::sum);
        });
    jdbc.query("select o.plan_id, count(*) n" + open + " and o.kind = :commendation"
        + " and exists (select 1 from " + act.identityLink + " l join " + act.task + " t on t.ID_ = l.TASK_ID_"
        + " where l.GROUP_ID_ = o.agency_code and l.TYPE_ = 'candidate' and t.PROC_INST_ID_ = o.process_instance_id"
        + " and t.CREATE_TIME_ < :since and (t.LAST_UPDATED_ is null or t.LAST_UPDATED_ < :since))"
        + " group by o.plan_id", params, rs -> {
          counts.merge(rs.getLong("plan_id"), rs.getLong("n"), Long::sum);
        });
    return counts;
  }

  record IncidentPlace(String incidentId, String rootProcessInstanceId, Long planId) {
  }

  /**
   * Every open incident with the root of its process tree and, when it is in an agency's process instance, that
   * instance's plan (failed jobs are few: the incident table is small and read whole).
   */
  List<IncidentPlace> incidentPlaces() {
    return jdbc.query("select i.ID_, e.ROOT_PROC_INST_ID_, o.plan_id from " + act.incident + " i join "
        + act.execution + " e on e.ID_ = i.PROC_INST_ID_ left join obligation o"
        + " on o.process_instance_id = i.PROC_INST_ID_", Map.of(),
        (rs, i) -> new IncidentPlace(rs.getString("ID_"), rs.getString("ROOT_PROC_INST_ID_"),
            (Long) rs.getObject("plan_id", Long.class)));
  }

  /** Plans by the id of their plan-lifecycle process instance. */
  Map<String, Long> planIdsByProcessInstance(Set<String> processInstanceIds) {
    Map<String, Long> plans = new HashMap<>();
    jdbc.query("select id, process_instance_id from plan where process_instance_id in (:ids)",
        Map.of("ids", processInstanceIds), rs -> {
          plans.put(rs.getString("process_instance_id"), rs.getLong("id"));
        });
    return plans;
  }

  // --- one plan -------------------------------------------------------------------------------------------------

  record PlanHead(long id, String planNumber, String title, String status, String standingAgency,
      String issuingAgency, LocalDate subPlanDeadline, boolean yearEndCommendation, String processInstanceId) {
  }

  Optional<PlanHead> plan(long planId) {
    return jdbc.query("select id, plan_number, title, status, standing_agency, issuing_agency, sub_plan_deadline,"
        + " year_end_commendation, process_instance_id from plan where id = :id", Map.of("id", planId),
        (rs, i) -> new PlanHead(rs.getLong("id"), rs.getString("plan_number"), rs.getString("title"),
            rs.getString("status"), rs.getString("standing_agency"), rs.getString("issuing_agency"),
            rs.getObject("sub_plan_deadline", LocalDate.class), rs.getBoolean("year_end_commendation"),
            rs.getString("process_instance_id"))).stream().findFirst();
  }

  record PeriodRow(long id, String label, LocalDate dueDate) {
  }

  List<PeriodRow> periods(long planId) {
    return jdbc.query("select id, label, due_date from reporting_period where plan_id = :id order by position",
        Map.of("id", planId), (rs, i) -> new PeriodRow(rs.getLong("id"), rs.getString("label"),
            rs.getObject("due_date", LocalDate.class)));
  }

  record ObligationRow(long id, String agency, String agencyName, ObligationKind kind, Long periodId, Instant dueAt,
      Instant deliveredAt, String outcome, String processInstanceId, long notes) {
  }

  List<ObligationRow> obligations(long planId) {
    return jdbc.query("select o.id, o.agency_code, a.name, o.kind, o.period_id, o.due_at, o.delivered_at,"
        + " o.outcome, o.process_instance_id"
        + " from obligation o left join agency a on a.code = o.agency_code where o.plan_id = :id",
        Map.of("id", planId), (rs, i) -> new ObligationRow(rs.getLong("id"), rs.getString("agency_code"),
            rs.getString("name"), ObligationKind.valueOf(rs.getString("kind")),
            (Long) rs.getObject("period_id", Long.class), utc(rs, "due_at"), utc(rs, "delivered_at"),
            rs.getString("outcome"), rs.getString("process_instance_id"), 0));
  }

  /** How many monitor actions each of the plan's obligations has had. */
  Map<Long, Long> actionCounts(long planId) {
    Map<Long, Long> counts = new HashMap<>();
    jdbc.query("select obligation_id, count(*) n from monitor_action where plan_id = :id and obligation_id is not null"
        + " group by obligation_id", Map.of("id", planId), rs -> {
          counts.put(rs.getLong("obligation_id"), rs.getLong("n"));
        });
    return counts;
  }

  record AgencyName(String code, String name) {
  }

  /**
   * Agencies the plan names one by one and that owe something: rows of the matrix even before their first step
   * reached them (a body the plan only requests, owing nothing, is no row).
   */
  List<AgencyName> assignedAgencies(long planId) {
    return jdbc.query("select distinct s.target, a.name from plan_assignment s left join agency a on a.code = s.target"
        + " where s.plan_id = :id and s.target_type = 'AGENCY' and (s.owes_sub_plan or s.reports_on_all_periods"
        + " or s.proposes_commendation or exists (select 1 from plan_assignment_period p where p.assignment_id = s.id))",
        Map.of("id", planId),
        (rs, i) -> new AgencyName(rs.getString("target"), rs.getString("name")));
  }

  record TaskRow(String id, String name, String taskKey, String processInstanceId, String executionId,
      String assignee, Instant created, Instant lastUpdated, Instant due, String candidateGroup) {

    Instant lastActivity() {
      return lastUpdated != null && lastUpdated.isAfter(created) ? lastUpdated : created;
    }
  }

  /** The open tasks of the plan's agencies' process instances, one row per candidate group. */
  List<TaskRow> tasks(long planId) {
    return jdbc.query("select t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.PROC_INST_ID_, t.EXECUTION_ID_, t.ASSIGNEE_,"
        + " t.CREATE_TIME_, t.LAST_UPDATED_, t.DUE_DATE_, l.GROUP_ID_ from " + act.task + " t join "
        + act.identityLink + " l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null"
        + " where t.PROC_INST_ID_ in (select o.process_instance_id from obligation o where o.plan_id = :id)",
        Map.of("id", planId), (rs, i) -> new TaskRow(rs.getString("ID_"), rs.getString("NAME_"),
            rs.getString("TASK_DEF_KEY_"), rs.getString("PROC_INST_ID_"), rs.getString("EXECUTION_ID_"),
            rs.getString("ASSIGNEE_"), engine(rs, "CREATE_TIME_"), engine(rs, "LAST_UPDATED_"),
            engine(rs, "DUE_DATE_"), rs.getString("GROUP_ID_")));
  }

  record IncidentRow(String id, String processInstanceId, String executionId, String activityId, String type,
      String message, Instant at) {
  }

  /**
   * Open incidents anywhere in the plan's tree of processes (the plan, its periods, agencies, commendation), and in
   * its agencies' instances.
   */
  List<IncidentRow> incidents(long planId, String rootProcessInstanceId) {
    Map<String, IncidentRow> byId = new java.util.LinkedHashMap<>();
    String columns = "select i.ID_, i.PROC_INST_ID_, i.EXECUTION_ID_, i.ACTIVITY_ID_, i.INCIDENT_TYPE_, i.INCIDENT_MSG_,"
        + " i.INCIDENT_TIMESTAMP_ from " + act.incident + " i";
    org.springframework.jdbc.core.RowCallbackHandler add = rs -> {
      byId.put(rs.getString("ID_"), new IncidentRow(rs.getString("ID_"), rs.getString("PROC_INST_ID_"),
          rs.getString("EXECUTION_ID_"), rs.getString("ACTIVITY_ID_"), rs.getString("INCIDENT_TYPE_"),
          rs.getString("INCIDENT_MSG_"), engine(rs, "INCIDENT_TIMESTAMP_")));
    };
    if (rootProcessInstanceId != null) {
      jdbc.query(columns + " join " + act.execution + " e on e.ID_ = i.PROC_INST_ID_ where e.ROOT_PROC_INST_ID_ = :root",
          Map.of("root", rootProcessInstanceId), add);
    }
    jdbc.query(columns + " where i.PROC_INST_ID_ in (select o.process_instance_id from obligation o"
        + " where o.plan_id = :id)", Map.of("id", planId), add);
    return List.copyOf(byId.values());
  }

  /**
   * Which of the plan's delivered obligations' process instances still run (Cockpit shows only those; an open one
   * links to its task).
   */
  Set<String> runningInstances(long planId) {
    return new HashSet<>(jdbc.queryForList("select e.ID_ from " + act.execution + " e where e.ID_ in"
        + " (select o.process_instance_id from obligation o where o.plan_id = :id and o.delivered_at is not null)",
        Map.of("id", planId), String.class));
  }

  record ObligationRef(long id, long planId, String agency, ObligationKind kind, Long periodId) {
  }

  /** The obligations recorded with a process instance (one for an agency's own, several for the commendation). */
  List<ObligationRef> obligationsOfInstance(String processInstanceId) {
    return jdbc.query("select id, plan_id, agency_code, kind, period_id from obligation"
        + " where process_instance_id = :pi", Map.of("pi", processInstanceId), MonitorQueries::ref);
  }

  Optional<ObligationRef> obligation(long obligationId) {
    return jdbc.query("select id, plan_id, agency_code, kind, period_id from obligation where id = :id",
        Map.of("id", obligationId), MonitorQueries::ref).stream().findFirst();
  }

  boolean owes(long planId, String agency, ObligationKind kind, Long periodId) {
    return jdbc.queryForObject("select count(*) from obligation where plan_id = :plan and agency_code = :agency"
        + " and kind = :kind and (period_id = :period or (period_id is null and :period is null))",
        new MapSqlParameterSource("plan", planId).addValue("agency", agency).addValue("kind", kind.name())
            .addValue("period", periodId, java.sql.Types.BIGINT), Long.class) > 0;
  }

  private static ObligationRef ref(ResultSet rs, int row) throws SQLException {
    return new ObligationRef(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("agency_code"),
        ObligationKind.valueOf(rs.getString("kind")), (Long) rs.getObject("period_id", Long.class));
  }

  // --- per agency across plans ------------------------------------------------------------------------------------

  record AgencyDueGroup(String agency, String agencyName, Instant dueAt, LocalDate deliveredOn, boolean onTime,
      boolean open, String planStatus, long count) {
  }

  /**
   * Every obligation already due or delivered, of the plans the viewer sees, grouped by agency, due moment and day of
   * delivery (in Vietnam): a few rows per agency and period, enough to count working days late in Java.
   */
  List<AgencyDueGroup> agencyDueGroups(Viewer viewer, Instant now, ZoneId zone) {
    int offsetMinutes = zone.getRules().getOffset(now).getTotalSeconds() / 60;
    String deliveredDay = "cast(o.delivered_at + interval '" + offsetMinutes + "' minute as date)";
    return jdbc.query("select o.agency_code, a.name, o.due_at, " + deliveredDay + " delivered_on,"
        + " case when o.delivered_at <= o.due_at then 1 else 0 end on_time, p.status, count(*) n"
        + " from obligation o join plan p on p.id = o.plan_id left join agency a on a.code = o.agency_code"
        + " where p.status <> 'DRAFT' and " + visible(viewer)
        + " and (o.delivered_at is not null or o.due_at < :now)"
        + " group by o.agency_code, a.name, o.due_at, " + deliveredDay
        + ", case when o.delivered_at <= o.due_at then 1 else 0 end, p.status",
        visibility(viewer).addValue("now", utc(now)),
        (rs, i) -> new AgencyDueGroup(rs.getString("agency_code"), rs.getString("name"), utc(rs, "due_at"),
            rs.getObject("delivered_on", LocalDate.class), rs.getInt("on_time") == 1,
            rs.getObject("delivered_on") == null, rs.getString("status"), rs.getLong("n")));
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  /** The plans the viewer sees, as SQL over {@code p}; bound by {@link #visibility}. */
  private static String visible(Viewer viewer) {
    return viewer.isAdministrator() ? "1 = 1"
        : "(p.standing_agency in (:secretariat) or p.issuing_agency in (:leadership))";
  }

  private static MapSqlParameterSource visibility(Viewer viewer) {
    Set<String> secretariat = viewer.secretariatOf();
    Set<String> leadership = viewer.leadershipOf();
    return new MapSqlParameterSource()
        .addValue("secretariat", secretariat.isEmpty() ? Set.of("") : secretariat)
        .addValue("leadership", leadership.isEmpty() ? Set.of("") : leadership);
  }

  /** An instant as the application's tables store it: the UTC wall clock. */
  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant utc(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  /** An instant as the engine stores it: a JDBC timestamp in the JVM's zone. */
  static Timestamp engine(Instant instant) {
    return Timestamp.from(instant);
  }

  private static Instant engine(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
