package vn.pcmt.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.monitoring.CellState;
import vn.pcmt.monitoring.MonitorService;
import vn.pcmt.monitoring.MonitorViews.Cell;
import vn.pcmt.monitoring.MonitorViews.Filter;
import vn.pcmt.monitoring.MonitorViews.Matrix;
import vn.pcmt.monitoring.MonitorViews.Row;
import vn.pcmt.monitoring.MonitorViews.Step;
import vn.pcmt.monitoring.Viewer;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.plan.PlanRegistration;

/**
 * The demo's story on days that strain it: the real plan moved so that Tết falls between issuance and the sub-plan
 * deadline, and a start-up in the middle of Tết (a day off). Whatever the day a newcomer starts the application on,
 * the monitor shows the same mix (DefaultProfileStartupTest checks today's over HTTP).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
        + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"})
@ActiveProfiles({"demo", "test"})
class DemoStoryTest {

  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired
  ProcessEngine engine;
  @Autowired
  Deadlines deadlines;
  @Autowired
  AgencyDirectory directory;
  @Autowired
  MonitorService monitor;
  @Autowired
  ObjectMapper json;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void cleanUp() {
    List<String> running = engine.getRuntimeService().createProcessInstanceQuery().rootProcessInstances().list()
        .stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(running, "demo story test finished", true, true);
    }
    ClockUtil.reset();
  }

  @ParameterizedTest
  // Tết 2027 (6 February) between issuance and the sub-plan deadline; Monday 8 February 2027, in the Tết holiday
  @ValueSource(strings = {"2027-06-11", "2027-02-08"})
  void theMonitorShowsTheSameMixWhateverTheDay(String day) throws IOException {
    LocalDate today = LocalDate.parse(day);
    setClock(today);
    DemoPlan plan = DemoPlan.of(realPlan(), today, deadlines, directory);
    assertThat(plan.registration().planNumber()).isEqualTo("23/KH-UBND-DEMO");
    assertThat(plan.registration().issueDate()).isBetween(today.minusDays(140), today.minusDays(110));

    String instance = new DemoStory(new DemoActors(engine, plan.registration().planNumber()), new EngineClock(),
        deadlines, directory, plan, "PTM", "UBNDT", 5, today).write();
    setClock(today);
    long planId = PlanLifecycleProcess.PLAN_ID.get(engine.getRuntimeService().getVariables(instance));
    // the first quarter's report went out with each indicator consolidated by its kind: the 100% ones as shares of
    // the agencies' numerators and denominators (met only when every unit counted reached it), the per-unit ones as
    // criteria every agency must meet, the communes kept and converted as counts
    List<Map<String, Object>> figures = jdbc.queryForList("select i.kind, f.result, f.numerator, f.denominator,"
        + " f.agencies, f.agencies_met, f.assessment from consolidated_figure f"
        + " join consolidated_report r on r.id = f.report_id join indicator i on i.id = f.indicator_id"
        + " where r.plan_id = ? order by f.position", planId);
    assertThat(figures).extracting(row -> row.get("kind")).as(day + " kinds").containsExactly("PERCENTAGE",
        "PERCENTAGE", "PERCENTAGE", "CRITERION", "PERCENTAGE", "PERCENTAGE", "PERCENTAGE", "PERCENTAGE", "COUNT",
        "COUNT", "CRITERION", "CRITERION");
    assertThat(figures).allSatisfy(row -> {
      String result = (String) row.get("result");
      switch ((String) row.get("kind")) {
        case "PERCENTAGE" -> {
          double numerator = ((Number) row.get("numerator")).doubleValue();
          double denominator = ((Number) row.get("denominator")).doubleValue();
          assertThat(numerator).isLessThanOrEqualTo(denominator);
          assertThat(result).matches("\\d+/\\d+ \\(\\d+(,\\d{1,2})?%\\)");
          assertThat(row.get("assessment")).isEqualTo(numerator == denominator ? "Đạt" : "Chưa đạt");
        }
        case "CRITERION" -> {
          assertThat(result).matches("\\d+/\\d+ cơ quan đạt");
          assertThat(((Number) row.get("agencies_met")).intValue())
              .isLessThanOrEqualTo(((Number) row.get("agencies")).intValue());
        }
        default -> assertThat(result).matches("\\d+ xã");
      }
    });

    Matrix matrix = monitor.matrix(Viewer.administrator("admin"), planId, new Filter(null, null, List.of(), "worst"));

    Map<String, Set<CellState>> states = new HashMap<>();
    Map<String, List<Cell>> secondReport = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    matrix.steps().forEach(step -> labels.put(step.key(), step.label()));
    for (Row row : matrix.rows()) {
      for (Cell cell : row.cells()) {
        states.computeIfAbsent(labels.get(cell.step()), s -> EnumSet.noneOf(CellState.class)).add(cell.state());
        if (cell.step().equals(stepOf(matrix, 1))) {
          secondReport.computeIfAbsent(cell.state().name(), s -> new java.util.ArrayList<>()).add(cell);
        }
      }
    }
    String subPlans = labels.get("SUB_PLAN");
    String first = labels.get(stepOf(matrix, 0));
    String second = labels.get(stepOf(matrix, 1));
    assertThat(states.get(subPlans)).as(day + " sub-plans")
        .contains(CellState.DONE_ON_TIME, CellState.DONE_LATE, CellState.OVERDUE);
    assertThat(states.get(first)).as(day + " first quarter")
        .containsExactlyInAnyOrder(CellState.DONE_ON_TIME, CellState.DONE_LATE, CellState.OVERDUE);
    assertThat(states.get(second)).as(day + " 6 months")
        .containsExactlyInAnyOrder(CellState.DONE_ON_TIME, CellState.IN_PROGRESS, CellState.STALLED);
    assertThat(secondReport.get("STALLED")).as(day + " stalled").hasSize(1);
    assertThat(matrix.steps().stream().filter(s -> s.periodId() != null)
        .filter(s -> s.dueDate().isAfter(today.plusDays(21))))
        .as(day + ": only the periods after the 6-month one are still ahead").hasSize(2);

  }

  /** The key of the reporting period at the position (0: the first quarter). */
  private static String stepOf(Matrix matrix, int position) {
    return matrix.steps().stream().filter(s -> s.periodId() != null).map(Step::key).toList().get(position);
  }

  private void setClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(VN).toInstant()));
  }

  private PlanRegistration realPlan() throws IOException {
    try (InputStream in = DemoStoryTest.class.getResourceAsStream("/demo/son-la-23-KH-UBND-2023.json")) {
      return json.readValue(in, PlanRegistration.class);
    }
  }
}
