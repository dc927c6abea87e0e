package vn.pcmt.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.pcmt.agency.AgencyRole;

/**
 * The one place that decides who may use the monitor: administrators (camunda-admin); the secretariat (the group of
 * an agency with the SECRETARIAT role, or of a plan's standing agency, and their head groups); the leadership (the
 * head group of an agency with the ISSUER role, or of a plan's issuing body). Everyone else is refused (403), the
 * page and the API alike. Which plans a user then sees is {@link Viewer#sees}.
 */
@Component
public class MonitorAccess {

  private final IdentityService identity;
  private final NamedParameterJdbcTemplate jdbc;

  MonitorAccess(IdentityService identity, NamedParameterJdbcTemplate jdbc) {
    this.identity = identity;
    this.jdbc = jdbc;
  }

  /** The authenticated user (HTTP Basic or the webapps' session), or null. */
  public Viewer current() {
    var authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    return new Viewer(authentication.getUserId(), authentication.getGroupIds());
  }

  /** The current user if the monitor is theirs to use; otherwise AuthorizationException (403). */
  public Viewer require() {
    Viewer viewer = current();
    if (viewer == null) {
      throw new AuthorizationException("Chưa đăng nhập.");
    }
    if (!allowed(viewer)) {
      throw new AuthorizationException("Trang theo dõi chỉ dành cho Thường trực và lãnh đạo UBND; tài khoản "
          + viewer.userId() + " không có quyền xem.");
    }
    return viewer;
  }

  public boolean allowed(Viewer viewer) {
    if (viewer.isAdministrator()) {
      return true;
    }
    Set<String> secretariat = viewer.secretariatOf();
    Set<String> leadership = viewer.leadershipOf();
    if (secretariat.isEmpty()) {
      return false;
    }
    // by role in the directory (a secretariat with no plan yet still gets in), then by the plans themselves
    for (var row : jdbc.queryForList("select code, roles from agency where roles like :secretariat or roles like :issuer",
        Map.of("secretariat", "%" + AgencyRole.SECRETARIAT.name() + "%", "issuer", "%" + AgencyRole.ISSUER.name() + "%"))) {
      String code = (String) row.get("code");
      List<String> roles = List.of(((String) row.get("roles")).split(","));
      if (roles.contains(AgencyRole.SECRETARIAT.name()) && secretariat.contains(code)) {
        return true;
      }
      if (roles.contains(AgencyRole.ISSUER.name()) && leadership.contains(code)) {
        return true;
      }
    }
    return jdbc.queryForObject("select count(*) from plan where standing_agency in (:secretariat)"
        + " or issuing_agency in (:leadership)", Map.of("secretariat", secretariat,
            "leadership", leadership.isEmpty() ? Set.of("") : leadership), Long.class) > 0;
  }

  /** Refuses (403) a plan the viewer may not see. */
  void requirePlan(Viewer viewer, String standingAgency, String issuingAgency) {
    if (!viewer.sees(standingAgency, issuingAgency)) {
      throw new AuthorizationException("Tài khoản " + viewer.userId()
          + " không thuộc Thường trực hoặc lãnh đạo của kế hoạch này.");
    }
  }
}
