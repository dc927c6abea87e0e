package vn.pcmt.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.pcmt.ProcessTestSupport;
import vn.pcmt.monitoring.MonitorViews.Cell;
import vn.pcmt.monitoring.MonitorViews.Filter;
import vn.pcmt.monitoring.MonitorViews.Matrix;
import vn.pcmt.monitoring.MonitorViews.PlanProgress;
import vn.pcmt.monitoring.MonitorViews.Row;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * The monitor's states against the real engine: agencies' sub-plan processes (agency-sub-plan.bpmn) run with the
 * engine clock moved; the monitor reads the obligations, the agencies' open tasks and incidents. Due Friday
 * 15/03/2024; stalled after 3 working days without activity.
 */
@TestPropertySource(properties = {"pcmt.monitoring.stalled-after-working-days=3",
    "pcmt.process-coverage.class-at-least=0"})
class MonitorStatusEngineTest extends ProcessTestSupport {

  static final LocalDate DUE = LocalDate.of(2024, 3, 15);
  static final String ON_TIME = "SYT";
  static final String LATE = "STP";
  static final String OVERDUE = "SGDDT";
  static final String STALLED = "CAT";
  static final String FAILING = "SNV";

  @Autowired
  MonitorService monitor;

  String planNumber;
  long planId;

  ProcessInstance startSubPlan(String agency) {
    Map<String, Object> variables = new HashMap<>();
    SubPlanProcess.PLAN_ID.put(variables, planId);
    SubPlanProcess.PLAN_NUMBER.put(variables, planNumber);
    SubPlanProcess.PLAN_TITLE.put(variables, "Kế hoạch kiểm thử theo dõi");
    SubPlanProcess.AGENCY_GROUP.put(variables, agency);
    SubPlanProcess.SECRETARIAT_GROUP.put(variables, SECRETARIAT);
    SubPlanProcess.SUB_PLAN_DUE_DATE.put(variables, endOfDay(DUE));
    return startCalled(SubPlanProcess.KEY, planNumber, variables);
  }

  void deliver(ProcessInstance subPlan, String agency) {
    complete(task(subPlan, SubPlanProcess.TASK_DRAFT_SUB_PLAN), officer(agency), form()
        .with(SubPlanProcess.DOCUMENT_NUMBER, "12/KH-" + agency).with(SubPlanProcess.DOCUMENT_DATE, today().toString())
        .with(SubPlanProcess.SUMMARY, "Tuyên truyền, kiểm tra, cai nghiện."));
    complete(task(subPlan, SubPlanProcess.TASK_APPROVE_SUB_PLAN), head(agency),
        form().with(SubPlanProcess.HEAD_APPROVED, true));
  }

  Matrix matrix() {
    return monitor.matrix(Viewer.administrator("admin"), planId, new Filter(null, null, List.of(), "worst"));
  }

  static Cell cell(Matrix matrix, String agency) {
    Row row = matrix.rows().stream().filter(r -> r.agency().equals(agency)).findFirst().orElseThrow();
    return row.cells().stream().filter(c -> c.step().equals(MonitorService.STEP_SUB_PLAN)).findFirst().orElseThrow();
  }

  PlanProgress progress(Viewer viewer) {
    return monitor.plans(viewer).plans().stream().filter(p -> p.planId() == planId).findFirst().orElseThrow();
  }

  @Test
  void onTimeLateOverdueByWorkingDaysStalledAndIncidentsFromTheEngine() {
    planNumber = newPlanNumber();
    planId = issuedPlan(planOf(planNumber, List.of(ON_TIME, LATE, OVERDUE, STALLED, FAILING), DUE,
        periods("Quý I/2024", LocalDate.of(2024, 3, 29)), false));
    Map<String, ProcessInstance> subPlans = new HashMap<>();
    for (String agency : List.of(ON_TIME, LATE, OVERDUE, STALLED, FAILING)) {
      subPlans.put(agency, startSubPlan(agency));
    }
    Matrix fresh = matrix();
    assertThat(fresh.steps()).extracting(MonitorViews.Step::key)
        .containsExactly(MonitorService.STEP_SUB_PLAN, MonitorService.STEP_REPORT + periodIds(planId).get("Quý I/2024"));
    assertThat(fresh.rows()).allSatisfy(row -> {
      assertThat(row.cells().get(0).state()).isEqualTo(CellState.IN_PROGRESS);
      assertThat(fresh.linkOf(row.cells().get(0))).endsWith("#/?task=" + row.cells().get(0).taskId());
      assertThat(row.cells().get(1).state()).as("the period has not opened").isEqualTo(CellState.NOT_STARTED);
    });

    // Wednesday 06/03: one agency delivers on time
    moveClockTo(LocalDateTime.of(2024, 3, 6, 10, 0));
    deliver(subPlans.get(ON_TIME), ON_TIME);
    // Tuesday 12/03: two agencies take their task (an activity); one fails on a job
    moveClockTo(LocalDateTime.of(2024, 3, 12, 10, 0));
    for (String agency : List.of(LATE, OVERDUE)) {
      identityService.setAuthentication(officer(agency), List.of(agency));
      try {
        taskService.claim(task(subPlans.get(agency), SubPlanProcess.TASK_DRAFT_SUB_PLAN).getId(), officer(agency));
      } finally {
        identityService.clearAuthentication();
      }
    }
    Job timer = managementService.createJobQuery().processInstanceId(subPlans.get(FAILING).getId()).timers().list()
        .get(0);
    managementService.setJobRetries(timer.getId(), 0);

    // Thursday 14/03, not yet due: 8 working days without activity is stalled, 2 is not
    setClock(LocalDateTime.of(2024, 3, 14, 9, 0));
    Matrix before = matrix();
    assertThat(cell(before, ON_TIME).state()).isEqualTo(CellState.DONE_ON_TIME);
    assertThat(cell(before, STALLED)).satisfies(c -> {
      assertThat(c.state()).isEqualTo(CellState.STALLED);
      assertThat(c.idleWorkingDays()).isEqualTo(8);
      assertThat(c.text()).isEqualTo("Đình trệ 8 ngày");
    });
    assertThat(cell(before, LATE).state()).isEqualTo(CellState.IN_PROGRESS);
    assertThat(cell(before, LATE).assignee()).isEqualTo(officer(LATE));
    assertThat(cell(before, FAILING)).satisfies(c -> {
      assertThat(c.state()).isEqualTo(CellState.INCIDENT);
      assertThat(c.incidents()).isEqualTo(1);
    });
    assertThat(before.incidents()).singleElement().satisfies(i -> assertThat(i.agency()).isEqualTo(FAILING));
    assertThat(before.rows().get(0).agency()).as("worst first").isEqualTo(FAILING);
    assertThat(before.rows().get(1).agency()).isEqualTo(STALLED);
    PlanProgress stalledList = progress(Viewer.administrator("admin"));
    assertThat(stalledList).satisfies(p -> {
      assertThat(p.doneOnTime()).isEqualTo(1);
      assertThat(p.stalled()).as("CAT; SNV's task is stalled too").isEqualTo(2);
      assertThat(p.inProgress()).isEqualTo(2);
      assertThat(p.overdue()).isZero();
      assertThat(p.incidents()).isEqualTo(1);
    });

    // Wednesday 20/03: due Friday 15/03, so 3 working days late (18, 19, 20)
    moveClockTo(LocalDateTime.of(2024, 3, 20, 10, 0));
    deliver(subPlans.get(LATE), LATE);
    Matrix after = matrix();
    assertThat(cell(after, LATE)).satisfies(c -> {
      assertThat(c.state()).isEqualTo(CellState.DONE_LATE);
      assertThat(c.daysLate()).isEqualTo(3);
      assertThat(c.text()).isEqualTo("Trễ 3 ngày");
      assertThat(c.linkTarget()).as("the secretariat's review is not the agency's task").isEqualTo("cockpit");
    });
    for (String agency : List.of(OVERDUE, STALLED)) {
      assertThat(cell(after, agency)).satisfies(c -> {
        assertThat(c.state()).isEqualTo(CellState.OVERDUE);
        assertThat(c.daysLate()).isEqualTo(3);
        assertThat(c.text()).isEqualTo("Quá hạn 3 ngày");
      });
    }
    assertThat(cell(after, FAILING).text()).isEqualTo("Lỗi hệ thống, quá hạn 3 ngày");
    assertThat(after.rows()).extracting(Row::agency).containsExactly(FAILING, STALLED, OVERDUE, LATE, ON_TIME);
    assertThat(progress(Viewer.administrator("admin"))).satisfies(p -> {
      assertThat(p.doneOnTime()).isEqualTo(1);
      assertThat(p.doneLate()).isEqualTo(1);
      assertThat(p.overdue()).isEqualTo(3);
      assertThat(p.stalled()).isZero();
    });

    // filters: by state, by agency name without diacritics
    assertThat(monitor.matrix(Viewer.administrator("admin"), planId,
        new Filter(null, null, List.of(CellState.OVERDUE), "worst")).rows()).extracting(Row::agency)
        .as("equally late: by name, Công an before Sở Giáo dục").containsExactly(STALLED, OVERDUE);
    assertThat(monitor.matrix(Viewer.administrator("admin"), planId,
        new Filter("so y te", null, List.of(), "agency")).rows()).extracting(Row::agency).containsExactly(ON_TIME);

    // the plan's secretariat sees it; an agency does not
    assertThat(progress(new Viewer(officer(SECRETARIAT), List.of(SECRETARIAT))).overdue()).isEqualTo(3);
    assertThat(monitor.plans(new Viewer(officer(ON_TIME), List.of(ON_TIME))).plans())
        .noneMatch(p -> p.planId() == planId);

    // per agency: SYT on time, STP late by 3 days, the others overdue
    MonitorViews.AgencyList agencies = monitor.agencies(Viewer.administrator("admin"));
    assertThat(agencies.agencies()).filteredOn(a -> a.agency().equals(LATE)).singleElement().satisfies(a -> {
      assertThat(a.doneLate()).isEqualTo(1);
      assertThat(a.medianDelayWorkingDays()).isEqualTo(3.0);
    });
    assertThat(agencies.agencies()).filteredOn(a -> a.agency().equals(OVERDUE)).singleElement().satisfies(a -> {
      assertThat(a.overdueNow()).isEqualTo(1);
      assertThat(a.maxDaysOverdue()).isEqualTo(3);
      assertThat(a.onTimeRate()).isEqualTo(0.0);
    });
  }

  Task draftOf(ProcessInstance subPlan) {
    return task(subPlan, SubPlanProcess.TASK_DRAFT_SUB_PLAN);
  }
}
