package vn.pcmt.monitoring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.pcmt.monitoring.MonitorViews.Action;

/** The monitor_action table: who did what from the monitor, when, on which plan, obligation and task. */
@Repository
class MonitorActionLog {

  enum Kind {
    REMIND("Nhắc việc"), ESCALATE("Báo lãnh đạo cơ quan"), REROUTE("Chuyển cơ quan"), NOTE("Ghi chú"),
    /** The task's agency ended: moved to its successor, or left for the secretariat to decide. */
    SUCCESSION("Thay đổi tổ chức");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private final NamedParameterJdbcTemplate jdbc;

  MonitorActionLog(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(long planId, Long obligationId, String agency, String taskId, Kind kind, String detail,
      Integer recipients, String actedBy, Instant at) {
    jdbc.update("insert into monitor_action (plan_id, obligation_id, agency_code, task_id, kind, detail, recipients,"
        + " acted_by, acted_at) values (:plan, :obligation, :agency, :task, :kind, :detail, :recipients, :by, :at)",
        new MapSqlParameterSource("plan", planId).addValue("obligation", obligationId).addValue("agency", agency)
            .addValue("task", taskId).addValue("kind", kind.name()).addValue("detail", detail)
            .addValue("recipients", recipients).addValue("by", actedBy)
            .addValue("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)));
  }

  List<Action> ofObligation(long obligationId) {
    return jdbc.query("select id, kind, detail, recipients, acted_by, acted_at, task_id, agency_code"
        + " from monitor_action where obligation_id = :id order by acted_at desc, id desc", Map.of("id", obligationId),
        (rs, i) -> {
          Kind kind = Kind.valueOf(rs.getString("kind"));
          OffsetDateTime at = rs.getObject("acted_at", OffsetDateTime.class);
          return new Action(rs.getLong("id"), kind.name(), kind.label, rs.getString("detail"),
              (Integer) rs.getObject("recipients", Integer.class), rs.getString("acted_by"),
              at == null ? null : at.toInstant(), rs.getString("task_id"), rs.getString("agency_code"));
        });
  }

}
