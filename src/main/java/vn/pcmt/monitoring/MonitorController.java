package vn.pcmt.monitoring;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.monitoring.MonitorViews.AgencyList;
import vn.pcmt.monitoring.MonitorViews.Filter;
import vn.pcmt.monitoring.MonitorViews.Matrix;
import vn.pcmt.monitoring.MonitorViews.PlanList;

/**
 * The monitor's JSON API, for the page and for other systems: HTTP Basic, or the session of the Camunda webapps'
 * login ({@link MonitorSessionFilter}). Only the secretariat and leadership get answers ({@link MonitorAccess}).
 */
@RestController
@RequestMapping("/api/monitor")
class MonitorController {

  private final MonitorService monitor;
  private final MonitorAccess access;
  private final MonitorActions actions;
  private final AgencyDirectory directory;
  private final Deadlines deadlines;
  private final MatrixExport export;

  MonitorController(MonitorService monitor, MonitorAccess access, MonitorActions actions, AgencyDirectory directory,
      Deadlines deadlines, MatrixExport export) {
    this.deadlines = deadlines;
    this.export = export;
    this.monitor = monitor;
    this.access = access;
    this.actions = actions;
    this.directory = directory;
  }

  record Me(String userId, boolean session, String csrfToken, int stalledAfterWorkingDays) {
  }

  /** Who is looking, and for a browser session the token its changes must carry (X-XSRF-TOKEN). */
  @GetMapping("/me")
  Me me(HttpServletRequest request) {
    Viewer viewer = access.require();
    boolean session = MonitorSessionFilter.isSessionAuthenticated(request);
    return new Me(viewer.userId(), session, session ? MonitorSessionFilter.csrfToken(request) : null,
        monitor.rules().stalledAfterWorkingDays());
  }

  @GetMapping("/plans")
  PlanList plans() {
    return monitor.plans(access.require());
  }

  @GetMapping("/plans/{planId}/matrix")
  Matrix matrix(@PathVariable long planId, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String step, @RequestParam(required = false) String state,
      @RequestParam(required = false) String sort) {
    return monitor.matrix(access.require(), planId, filter(agency, step, state, sort));
  }

  @GetMapping("/plans/{planId}/matrix.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable long planId, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String step, @RequestParam(required = false) String state,
      @RequestParam(required = false) String sort) {
    Matrix matrix = matrix(planId, agency, step, state, sort);
    return file(export.xlsx(matrix), MatrixExport.fileName(matrix, "xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  @GetMapping("/plans/{planId}/matrix.csv")
  ResponseEntity<byte[]> csv(@PathVariable long planId, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String step, @RequestParam(required = false) String state,
      @RequestParam(required = false) String sort) {
    Matrix matrix = matrix(planId, agency, step, state, sort);
    return file(export.csv(matrix), MatrixExport.fileName(matrix, "csv"), "text/csv;charset=UTF-8");
  }

  private static ResponseEntity<byte[]> file(byte[] content, String name, String type) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(content);
  }

  @GetMapping("/agencies")
  AgencyList agencies() {
    return monitor.agencies(access.require());
  }

  record AgencyEntry(String code, String name) {
  }

  /** The directory's agencies valid today: where a task may be re-routed. */
  @GetMapping("/directory")
  List<AgencyEntry> directory() {
    access.require();
    java.time.LocalDate today = deadlines.today();
    return directory.all().stream().filter(a -> a.isValidOn(today)).map(a -> new AgencyEntry(a.getCode(), a.getName()))
        .toList();
  }

  @GetMapping("/obligations/{obligationId}/actions")
  List<MonitorViews.Action> history(@PathVariable long obligationId) {
    return actions.history(access.require(), obligationId);
  }

  @PostMapping("/tasks/{taskId}/remind")
  MonitorActions.Result remind(@PathVariable String taskId) {
    return actions.remind(access.require(), taskId);
  }

  @PostMapping("/tasks/{taskId}/escalate")
  MonitorActions.Result escalate(@PathVariable String taskId) {
    return actions.escalate(access.require(), taskId);
  }

  record Reroute(String toAgency) {
  }

  @PostMapping("/tasks/{taskId}/reroute")
  MonitorActions.Result reroute(@PathVariable String taskId, @RequestBody Reroute body) {
    return actions.reroute(access.require(), taskId, body == null ? null : body.toAgency());
  }

  record Note(String text) {
  }

  @PostMapping("/tasks/{taskId}/notes")
  MonitorActions.Result note(@PathVariable String taskId, @RequestBody Note body) {
    return actions.note(access.require(), taskId, body == null ? null : body.text());
  }

  static Filter filter(String agency, String step, String state, String sort) {
    List<CellState> states = new ArrayList<>();
    if (state != null && !state.isBlank()) {
      for (String name : state.split(",")) {
        try {
          states.add(CellState.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new MonitorBadRequestException("Trạng thái '" + name.trim() + "' không có. Các trạng thái: "
              + String.join(", ", java.util.Arrays.stream(CellState.values()).map(Enum::name).toList()) + ".");
        }
      }
    }
    return new Filter(blankToNull(agency), blankToNull(step), states,
        sort == null || sort.isBlank() ? MonitorService.SORT_WORST : sort.trim());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
