package vn.pcmt.monitoring;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

  MonitorController(MonitorService monitor, MonitorAccess access) {
    this.monitor = monitor;
    this.access = access;
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

  @GetMapping("/agencies")
  AgencyList agencies() {
    return monitor.agencies(access.require());
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
