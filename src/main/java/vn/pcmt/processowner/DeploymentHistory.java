package vn.pcmt.processowner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.pcmt.processowner.DeploymentAttempts.Attempt;

/** The deployment_history table: one row per deployment attempt (V10__deployment_history.sql). */
@Repository
class DeploymentHistory {

  enum Outcome {
    ACCEPTED, REFUSED, FAILED
  }

  /** One row, as GET /api/deployments shows it. */
  record Entry(long id, OffsetDateTime at, String by, String name, String source, List<String> resources,
      boolean validated, Outcome outcome, String deploymentId, List<String> processes, List<String> findings) {
  }

  private final JdbcTemplate jdbc;

  DeploymentHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Attempt attempt, Outcome outcome, String deploymentId, List<String> processes, List<String> findings) {
    jdbc.update("insert into deployment_history (attempted_at, deployed_by, deployment_name, source, resources,"
        + " validated, outcome, deployment_id, processes, findings) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        attempt.at().atOffset(ZoneOffset.UTC), cut(attempt.by(), 128), cut(attempt.name(), 255),
        cut(attempt.source(), 255), cut(String.join("\n", attempt.resources()), 4000), attempt.validated(),
        outcome.name(), deploymentId, cut(String.join("\n", processes), 2000),
        findings.isEmpty() ? null : cut(String.join("\n", findings), 20000));
  }

  /** The newest first. */
  List<Entry> list(int limit) {
    return jdbc.query("select * from deployment_history order by attempted_at desc, id desc limit ?",
        this::entry, limit);
  }

  private Entry entry(ResultSet row, int number) throws SQLException {
    return new Entry(row.getLong("id"), row.getObject("attempted_at", OffsetDateTime.class),
        row.getString("deployed_by"), row.getString("deployment_name"), row.getString("source"),
        lines(row.getString("resources")), row.getBoolean("validated"), Outcome.valueOf(row.getString("outcome")),
        row.getString("deployment_id"), lines(row.getString("processes")), lines(row.getString("findings")));
  }

  private static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
