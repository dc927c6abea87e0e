package vn.pcmt.monitoring;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.monitoring.MonitorQueries.AgencyDueGroup;
import vn.pcmt.monitoring.MonitorQueries.IncidentRow;
import vn.pcmt.monitoring.MonitorQueries.ObligationRow;
import vn.pcmt.monitoring.MonitorQueries.PlanHead;
import vn.pcmt.monitoring.MonitorQueries.TaskRow;
import vn.pcmt.monitoring.MonitorViews.AgencyFigures;
import vn.pcmt.monitoring.MonitorViews.AgencyList;
import vn.pcmt.monitoring.MonitorViews.Cell;
import vn.pcmt.monitoring.MonitorViews.Filter;
import vn.pcmt.monitoring.MonitorViews.Matrix;
import vn.pcmt.monitoring.MonitorViews.PlanIncident;
import vn.pcmt.monitoring.MonitorViews.PlanList;
import vn.pcmt.monitoring.MonitorViews.PlanProgress;
import vn.pcmt.monitoring.MonitorViews.Row;
import vn.pcmt.web.PublicUrl;
import vn.pcmt.monitoring.MonitorViews.Step;
import vn.pcmt.obligation.ObligationKind;

/**
 * The monitor's read model: the plans in flight with their progress, one plan's matrix of agencies by steps, and
 * per-agency figures across plans. States come from {@link StatusRules}; the data from {@link MonitorQueries}.
 */
@Service
public class MonitorService {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorService.class);

  static final String STEP_SUB_PLAN = "SUB_PLAN";
  static final String STEP_COMMENDATION = "COMMENDATION";
  static final String STEP_REPORT = "REPORT-";
  static final String SORT_WORST = "worst";
  static final String SORT_AGENCY = "agency";
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
  /** An agency is named for criticism when its on-time rate is below this (with at least two steps due). */
  static final double CRITICISE_BELOW = 0.5;
  /** ... or when one of its steps is this many working days overdue. */
  static final int CRITICISE_OVERDUE_DAYS = 5;

  private final MonitorQueries queries;
  private final MonitorAccess access;
  private final Deadlines deadlines;
  private final StatusRules rules;
  private final PublicUrl publicUrl;
  private final Duration planListMaxAge;
  private final AtomicReference<PlanSnapshot> planSnapshot = new AtomicReference<>();
  private final AtomicBoolean recounting = new AtomicBoolean();
  private final Executor recounter = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "monitor-plan-list");
    thread.setDaemon(true);
    return thread;
  });

  MonitorService(MonitorQueries queries, MonitorAccess access, Deadlines deadlines,
      @Value("${pcmt.monitoring.stalled-after-working-days:10}") int stalledAfterWorkingDays,
      PublicUrl publicUrl,
      @Value("${pcmt.monitoring.plan-list-max-age:PT20S}") Duration planListMaxAge) {
    this.planListMaxAge = planListMaxAge;
    this.queries = queries;
    this.access = access;
    this.deadlines = deadlines;
    this.rules = new StatusRules(deadlines.calendar(), deadlines.zone(), stalledAfterWorkingDays);
    this.publicUrl = publicUrl;
  }

  public StatusRules rules() {
    return rules;
  }

  // --- the plan list --------------------------------------------------------------------------------------------

  /**
   * The plans in flight the viewer sees. Counting every obligation of every plan is the monitor's one heavy query
   * (hundreds of thousands of rows in a province-wide deployment), so the list is a snapshot of all plans, at most
   * {@code pcmt.monitoring.plan-list-max-age} old: a request never waits for a recount while a snapshot that young
   * exists; an older one is still answered at once and recounted in the background; with none (or one far too old:
   * the clock moved) the request counts. 0 counts on every request.
   */
  public PlanList plans(Viewer viewer) {
    PlanSnapshot current = snapshot();
    List<PlanProgress> visible = current.plans().stream()
        .filter(p -> viewer.sees(p.standingAgency(), p.issuingAgency())).toList();
    return new PlanList(current.at(), current.at().atZone(deadlines.zone()).toLocalDate(),
        rules.stalledAfterWorkingDays(), visible);
  }

  private record PlanSnapshot(Instant at, List<PlanProgress> plans) {
  }

  private PlanSnapshot snapshot() {
    Instant now = deadlines.now().toInstant();
    PlanSnapshot current = planSnapshot.get();
    long age = current == null ? Long.MAX_VALUE : Math.abs(Duration.between(current.at(), now).toMillis());
    if (current == null || planListMaxAge.isZero() || age > 10 * planListMaxAge.toMillis()) {
      PlanSnapshot fresh = countPlans();
      planSnapshot.set(fresh);
      return fresh;
    }
    if (age > planListMaxAge.toMillis()) {
      refreshPlans();
    }
    return current;
  }

  /** Recounts the plan list in the background (after an action, or when the snapshot has aged). */
  void refreshPlans() {
    if (!planListMaxAge.isZero() && recounting.compareAndSet(false, true)) {
      recounter.execute(() -> {
        try {
          planSnapshot.set(countPlans());
        } catch (RuntimeException e) {
          LOG.warn("Recounting the monitor's plan list failed: {}", e.toString());
        } finally {
          recounting.set(false);
        }
      });
    }
  }

  private PlanSnapshot countPlans() {
    Viewer everyone = Viewer.administrator("monitor");
    Instant now = deadlines.now().toInstant();
    Map<Long, Long> stalled = queries.stalledCounts(everyone, now, rules.stalledBefore(now));
    Map<Long, Long> agencies = queries.agencyCounts(everyone);
    Map<Long, Long> incidents = incidentsByPlan();
    List<PlanProgress> plans = queries.planCounts(everyone, now).stream().map(p -> {
      long stalledCount = stalled.getOrDefault(p.planId(), 0L);
      return new PlanProgress(p.planId(), p.planNumber(), p.title(), p.issueDate(), p.standingAgency(),
          p.issuingAgency(), agencies.getOrDefault(p.planId(), 0L), p.total(), p.onTime(), p.late(),
          p.pending() - stalledCount, stalledCount, p.overdue(), incidents.getOrDefault(p.planId(), 0L));
    }).sorted(Comparator.comparingLong((PlanProgress p) -> -(p.overdue() + p.incidents() + p.stalled())))
        .toList();
    return new PlanSnapshot(now, plans);
  }

  /** Open incidents per plan: in the plan's own process tree or in one of its agencies' instances. */
  private Map<Long, Long> incidentsByPlan() {
    List<MonitorQueries.IncidentPlace> places = queries.incidentPlaces();
    if (places.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> planByRoot = queries.planIdsByProcessInstance(
        places.stream().map(MonitorQueries.IncidentPlace::rootProcessInstanceId).collect(java.util.stream.Collectors.toSet()));
    Map<String, Long> planByIncident = new HashMap<>();
    for (MonitorQueries.IncidentPlace place : places) {
      Long planId = place.planId() != null ? place.planId() : planByRoot.get(place.rootProcessInstanceId());
      if (planId != null) {
        planByIncident.putIfAbsent(place.incidentId(), planId);
      }
    }
    Map<Long, Long> counts = new HashMap<>();
    planByIncident.values().forEach(planId -> counts.merge(planId, 1L, Long::sum));
    return counts;
  }

  // --- one plan's matrix ----------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Matrix matrix(Viewer viewer, long planId, Filter filter) {
    PlanHead plan = queries.plan(planId).orElseThrow(() -> new MonitorNotFoundException(
        "Không tìm thấy kế hoạch có mã " + planId + "."));
    access.requirePlan(viewer, plan.standingAgency(), plan.issuingAgency());
    Instant now = deadlines.now().toInstant();
    long started = System.nanoTime();
    Map<Long, Long> actionCounts = queries.actionCounts(planId);
    List<ObligationRow> obligations = queries.obligations(planId).stream().map(o -> new ObligationRow(o.id(),
        o.agency(), o.agencyName(), o.kind(), o.periodId(), o.dueAt(), o.deliveredAt(), o.outcome(),
        o.processInstanceId(), actionCounts.getOrDefault(o.id(), 0L))).toList();
    List<Step> steps = steps(plan, obligations);
    long read = System.nanoTime();

    // the agencies' open tasks, by process instance and agency (a head group's task is its agency's)
    Map<String, List<TaskRow>> tasks = new HashMap<>();
    for (TaskRow task : queries.tasks(planId)) {
      tasks.computeIfAbsent(task.processInstanceId() + "/" + agencyOf(task.candidateGroup()), k -> new ArrayList<>())
          .add(task);
    }
    Map<String, Long> obligationsPerInstance = new HashMap<>();
    obligations.forEach(o -> obligationsPerInstance.merge(o.processInstanceId(), 1L, Long::sum));
    long tasksRead = System.nanoTime();
    Set<String> running = queries.runningInstances(planId);
    long runningRead = System.nanoTime();

    // incidents: an agency's own instance is its; in a shared instance (commendation), the one on its task's execution
    List<IncidentRow> incidents = new ArrayList<>(queries.incidents(plan.id(), plan.processInstanceId()));
    long incidentsRead = System.nanoTime();
    Map<Long, Integer> incidentsByObligation = new HashMap<>();
    Map<String, String> incidentAgency = new HashMap<>();
    for (ObligationRow o : obligations) {
      List<TaskRow> own = tasks.getOrDefault(o.processInstanceId() + "/" + o.agency(), List.of());
      for (IncidentRow incident : incidents) {
        boolean ownInstance = Objects.equals(incident.processInstanceId(), o.processInstanceId())
            && obligationsPerInstance.getOrDefault(o.processInstanceId(), 0L) == 1;
        boolean ownExecution = own.stream().anyMatch(t -> Objects.equals(t.executionId(), incident.executionId()));
        if (ownInstance || ownExecution) {
          incidentsByObligation.merge(o.id(), 1, Integer::sum);
          incidentAgency.put(incident.id(), o.agency());
        }
      }
    }

    Map<String, String> names = new LinkedHashMap<>();
    queries.assignedAgencies(planId).forEach(a -> names.put(a.code(), a.name() == null ? a.code() : a.name()));
    obligations.forEach(o -> names.putIfAbsent(o.agency(), o.agencyName() == null ? o.agency() : o.agencyName()));
    Map<String, ObligationRow> byCell = new HashMap<>();
    obligations.forEach(o -> byCell.put(o.agency() + "/" + stepKey(o.kind(), o.periodId()), o));

    List<Step> shown = filter.step() == null || filter.step().isBlank() ? steps
        : steps.stream().filter(s -> s.key().equals(filter.step())).toList();
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, String> agency : names.entrySet()) {
      List<Cell> cells = new ArrayList<>();
      for (Step step : shown) {
        ObligationRow o = byCell.get(agency.getKey() + "/" + step.key());
        cells.add(o == null ? notStarted(step)
            : cell(step, o, tasks.getOrDefault(o.processInstanceId() + "/" + o.agency(), List.of()),
                incidentsByObligation.getOrDefault(o.id(), 0), running.contains(o.processInstanceId()), now));
      }
      rows.add(row(agency.getKey(), agency.getValue(), cells));
    }
    Map<String, String> plainNames = new HashMap<>();
    rows.forEach(r -> plainNames.put(r.agency(), plain(r.agencyName())));
    List<Row> selected = rows.stream().filter(r -> matches(r, filter, plainNames))
        .sorted(order(filter.sort(), plainNames)).toList();
    List<PlanIncident> planIncidents = incidents.stream().map(i -> new PlanIncident(i.id(), i.processInstanceId(),
        i.activityId(), i.type(), i.message(), i.at(), incidentAgency.get(i.id()),
        publicUrl.cockpit() + "#/process-instance/" + i.processInstanceId())).toList();
    if (LOG.isDebugEnabled()) {
      LOG.debug("Matrix of plan {}: {} obligations {} ms, tasks {} ms, running {} ms, incidents {} ms, built {} ms",
          planId, obligations.size(), (read - started) / 1_000_000, (tasksRead - read) / 1_000_000,
          (runningRead - tasksRead) / 1_000_000, (incidentsRead - runningRead) / 1_000_000,
          (System.nanoTime() - incidentsRead) / 1_000_000);
    }
    return new Matrix(plan.id(), plan.planNumber(), plan.title(), plan.status(), now, deadlines.today(),
        rules.stalledAfterWorkingDays(), publicUrl.tasklist(), publicUrl.cockpit(), filter, shown, rows.size(), selected, planIncidents);
  }

  private List<Step> steps(PlanHead plan, List<ObligationRow> obligations) {
    List<Step> steps = new ArrayList<>();
    if (plan.subPlanDeadline() != null || obligations.stream().anyMatch(o -> o.kind() == ObligationKind.SUB_PLAN)) {
      steps.add(new Step(STEP_SUB_PLAN, ObligationKind.SUB_PLAN.name(), ObligationKind.SUB_PLAN.label(), null,
          plan.subPlanDeadline()));
    }
    for (MonitorQueries.PeriodRow period : queries.periods(plan.id())) {
      steps.add(new Step(STEP_REPORT + period.id(), ObligationKind.REPORT.name(), "Báo cáo " + period.label(),
          period.id(), period.dueDate()));
    }
    if (plan.yearEndCommendation()
        || obligations.stream().anyMatch(o -> o.kind() == ObligationKind.COMMENDATION_PROPOSAL)) {
      steps.add(new Step(STEP_COMMENDATION, ObligationKind.COMMENDATION_PROPOSAL.name(),
          ObligationKind.COMMENDATION_PROPOSAL.label(), null, null));
    }
    return steps;
  }

  static String stepKey(ObligationKind kind, Long periodId) {
    return switch (kind) {
      case SUB_PLAN -> STEP_SUB_PLAN;
      case REPORT -> STEP_REPORT + periodId;
      case COMMENDATION_PROPOSAL -> STEP_COMMENDATION;
    };
  }

  private static String agencyOf(String group) {
    String suffix = AgencyGroups.headGroupOf("");
    return group.endsWith(suffix) && group.length() > suffix.length()
        ? group.substring(0, group.length() - suffix.length()) : group;
  }

  private static Cell notStarted(Step step) {
    return new Cell(step.key(), null, CellState.NOT_STARTED, CellState.NOT_STARTED.label(),
        CellState.NOT_STARTED.label(), null, null, 0, 0, 0, null, null, null, null,
        null, 0);
  }

  private Cell cell(Step step, ObligationRow o, List<TaskRow> tasks, int incidents, boolean running, Instant now) {
    Instant lastActivity = tasks.stream().map(TaskRow::lastActivity).max(Comparator.naturalOrder()).orElse(null);
    StatusRules.Status status = rules.of(new StatusRules.Facts(o.dueAt(), o.deliveredAt(), lastActivity, incidents),
        now);
    TaskRow task = tasks.stream().max(Comparator.comparing(TaskRow::created)).orElse(null);
    String target = null;
    if (task != null) {
      target = "tasklist";
    } else if (running || o.deliveredAt() == null && incidents > 0) {
      target = "cockpit";
    }
    return new Cell(step.key(), o.id(), status.state(), status.state().label(), text(status, o, now), o.dueAt(), o.deliveredAt(), status.daysLate(), status.idleDays(), incidents,
        task == null ? null : task.id(), task == null ? null : task.name(), task == null ? null : task.assignee(),
        o.processInstanceId(), target, o.notes());
  }

  /** The cell's words, as the page and the export show them. */
  private String text(StatusRules.Status status, ObligationRow o, Instant now) {
    return switch (status.state()) {
      case DONE_ON_TIME -> "Đúng hạn";
      case DONE_LATE -> "Trễ " + status.daysLate() + " ngày";
      case OVERDUE -> "NEVER".equals(o.outcome()) ? "Không thực hiện"
          : status.daysLate() > 0 ? "Quá hạn " + status.daysLate() + " ngày" : "Quá hạn";
      case STALLED -> "Đình trệ " + status.idleDays() + " ngày";
      case IN_PROGRESS -> "Hạn " + DAY_MONTH.format(o.dueAt().atZone(deadlines.zone()));
      case INCIDENT -> "Lỗi hệ thống" + (status.daysLate() > 0 && o.deliveredAt() == null
          ? ", quá hạn " + status.daysLate() + " ngày" : "");
      case NOT_STARTED -> CellState.NOT_STARTED.label();
    };
  }

  private static Row row(String agency, String name, List<Cell> cells) {
    int[] counts = new int[CellState.values().length];
    int maxDaysLate = 0;
    for (Cell cell : cells) {
      counts[cell.state().ordinal()]++;
      if (cell.state().isOpen()) {
        maxDaysLate = Math.max(maxDaysLate, cell.daysLate());
      }
    }
    return new Row(agency, name, counts[CellState.INCIDENT.ordinal()], counts[CellState.OVERDUE.ordinal()],
        counts[CellState.STALLED.ordinal()], counts[CellState.IN_PROGRESS.ordinal()],
        counts[CellState.DONE_LATE.ordinal()], counts[CellState.DONE_ON_TIME.ordinal()],
        counts[CellState.NOT_STARTED.ordinal()], maxDaysLate, cells);
  }

  private static boolean matches(Row row, Filter filter, Map<String, String> plainNames) {
    if (filter.agency() != null && !filter.agency().isBlank()) {
      String wanted = plain(filter.agency());
      if (!plain(row.agency()).contains(wanted) && !plainNames.get(row.agency()).contains(wanted)) {
        return false;
      }
    }
    if (filter.states() != null && !filter.states().isEmpty()) {
      return row.cells().stream().anyMatch(c -> filter.states().contains(c.state()));
    }
    return true;
  }

  /** Lower case without Vietnamese diacritics, so "so y te" finds "Sở Y tế". */
  static String plain(String text) {
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT).replace('đ', 'd');
    return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").trim();
  }

  /**
   * Worst first: incidents, then overdue steps, the longest overdue, stalled steps, late deliveries; then by name.
   * Sorting by a step puts the worst state of that step first, the longest late first.
   */
  private static Comparator<Row> order(String sort, Map<String, String> plainNames) {
    Comparator<Row> byName = Comparator.comparing((Row r) -> plainNames.get(r.agency())).thenComparing(Row::agency);
    if (SORT_AGENCY.equals(sort)) {
      return byName;
    }
    if (sort != null && !sort.isBlank() && !SORT_WORST.equals(sort)) {
      Comparator<Row> byStep = Comparator.comparingInt((Row r) -> cellOf(r, sort).map(c -> c.state().ordinal())
          .orElse(Integer.MAX_VALUE)).thenComparingInt(r -> -cellOf(r, sort).map(Cell::daysLate).orElse(0));
      return byStep.thenComparing(worst()).thenComparing(byName);
    }
    return worst().thenComparing(byName);
  }

  private static Comparator<Row> worst() {
    return Comparator.comparingInt((Row r) -> -r.incidents()).thenComparingInt(r -> -r.overdue())
        .thenComparingInt(r -> -r.maxDaysLate()).thenComparingInt(r -> -r.stalled())
        .thenComparingInt(r -> -r.doneLate());
  }

  private static java.util.Optional<Cell> cellOf(Row row, String step) {
    return row.cells().stream().filter(c -> c.step().equals(step)).findFirst();
  }

  // --- per agency across plans ----------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public AgencyList agencies(Viewer viewer) {
    Instant now = deadlines.now().toInstant();
    LocalDate today = deadlines.today();
    record Tally(String name, long[] counts, List<long[]> delays, int[] maxOverdue) {
    }
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (AgencyDueGroup group : queries.agencyDueGroups(viewer, now, deadlines.zone())) {
      Tally tally = tallies.computeIfAbsent(group.agency(), a -> new Tally(
          group.agencyName() == null ? a : group.agencyName(), new long[4], new ArrayList<>(), new int[1]));
      LocalDate dueDay = group.dueAt().atZone(deadlines.zone()).toLocalDate();
      if (group.open()) {
        boolean closed = "CLOSED".equals(group.planStatus());
        tally.counts()[closed ? 3 : 2] += group.count();
        if (!closed) {
          tally.maxOverdue()[0] = Math.max(tally.maxOverdue()[0],
              deadlines.calendar().workingDaysBetween(dueDay, today));
        }
      } else if (group.onTime()) {
        tally.counts()[0] += group.count();
        tally.delays().add(new long[] {0, group.count()});
      } else {
        tally.counts()[1] += group.count();
        tally.delays().add(new long[] {deadlines.calendar().workingDaysBetween(dueDay, group.deliveredOn()),
            group.count()});
      }
    }
    List<AgencyFigures> figures = new ArrayList<>();
    tallies.forEach((agency, t) -> {
      long onTime = t.counts()[0];
      long late = t.counts()[1];
      long overdue = t.counts()[2];
      long never = t.counts()[3];
      long due = onTime + late + overdue + never;
      Double rate = due == 0 ? null : (double) onTime / due;
      String attention = null;
      if (never > 0 || t.maxOverdue()[0] >= CRITICISE_OVERDUE_DAYS || (due >= 2 && rate < CRITICISE_BELOW)) {
        attention = "CRITICISE";
      } else if (due >= 2 && onTime == due) {
        attention = "COMMEND";
      }
      figures.add(new AgencyFigures(agency, t.name(), due, onTime, late, overdue, never, rate, median(t.delays()),
          t.maxOverdue()[0], attention, attention == null ? null
              : attention.equals("CRITICISE") ? "Cần phê bình, nhắc nhở" : "Đề nghị khen thưởng"));
    });
    figures.sort(Comparator.comparingInt((AgencyFigures f) -> "CRITICISE".equals(f.attention()) ? 0
        : "COMMEND".equals(f.attention()) ? 2 : 1)
        .thenComparingDouble(f -> f.onTimeRate() == null ? 1.0 : f.onTimeRate())
        .thenComparingLong(f -> -f.overdueNow()).thenComparing(AgencyFigures::agency));
    return new AgencyList(now, today, figures);
  }

  /** The median of values given as (value, count) pairs. */
  static Double median(List<long[]> valueCounts) {
    long total = valueCounts.stream().mapToLong(v -> v[1]).sum();
    if (total == 0) {
      return null;
    }
    List<long[]> sorted = new ArrayList<>(valueCounts);
    sorted.sort(Comparator.comparingLong(v -> v[0]));
    return (valueAt(sorted, (total - 1) / 2) + valueAt(sorted, total / 2)) / 2.0;
  }

  private static long valueAt(List<long[]> sorted, long index) {
    long seen = 0;
    for (long[] v : sorted) {
      seen += v[1];
      if (index < seen) {
        return v[0];
      }
    }
    throw new IllegalStateException("index " + index + " beyond " + seen);
  }
}
