package vn.pcmt.processowner.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.pcmt.processowner.migration.MigrationReport.Version;

/** The migration_run tables (V11__migration_runs.sql): one row per source version moved, with its instances. */
@Repository
class MigrationRuns {

  enum Outcome {
    STARTED, COMPLETED, FAILED, REFUSED
  }

  /** One run as GET /api/migrations shows it. */
  record Run(long id, OffsetDateTime at, String by, String processKey, String sourceDefinitionId, String source,
      String targetDefinitionId, String target, String selection, String mappingFile, int instances,
      List<String> plans, String batchId, Outcome outcome, OffsetDateTime finishedAt, List<String> detail) {
  }

  private final JdbcTemplate jdbc;

  MigrationRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a run; {@code instances}: process instance id to plan number. */
  long insert(Instant at, String by, Version source, Version target, String selection, String mappingFile,
      Map<String, String> instances, String batchId, Outcome outcome, List<String> detail) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into migration_run (started_at, started_by, process_key,"
          + " source_definition_id, source_version, target_definition_id, target_version, selection, mapping_file,"
          + " instance_count, batch_id, outcome, finished_at, detail)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      statement.setObject(1, at.atOffset(ZoneOffset.UTC));
      statement.setString(2, cut(by, 128));
      statement.setString(3, cut(target.key(), 255));
      statement.setString(4, source.id());
      statement.setString(5, cut(source.label(), 300));
      statement.setString(6, target.id());
      statement.setString(7, cut(target.label(), 300));
      statement.setString(8, cut(selection, 2000));
      statement.setString(9, cut(mappingFile, 500));
      statement.setInt(10, instances.size());
      statement.setString(11, batchId);
      statement.setString(12, outcome.name());
      statement.setObject(13, outcome == Outcome.STARTED ? null : at.atOffset(ZoneOffset.UTC));
      statement.setString(14, detail.isEmpty() ? null : cut(String.join("\n", detail), 20000));
      return statement;
    }, key);
    long id = key.getKey().longValue();
    instances.forEach((instanceId, plan) -> jdbc.update("insert into migration_run_instance (run_id,"
        + " process_instance_id, plan_number) values (?, ?, ?)", id, instanceId, cut(plan, 255)));
    return id;
  }

  /** Marks a started run as over; does nothing to a run already over. */
  void finish(long id, Outcome outcome, Instant at, List<String> detail) {
    jdbc.update("update migration_run set outcome = ?, finished_at = ?, detail = ? where id = ? and outcome = ?",
        outcome.name(), at.atOffset(ZoneOffset.UTC), detail.isEmpty() ? null : cut(String.join("\n", detail), 20000),
        id, Outcome.STARTED.name());
  }

  Optional<Run> byBatch(String batchId) {
    return jdbc.query("select * from migration_run where batch_id = ?", this::run, batchId).stream().findFirst();
  }

  /** Process instance id to plan number. */
  Map<String, String> instances(long runId) {
    Map<String, String> instances = new java.util.LinkedHashMap<>();
    jdbc.query("select process_instance_id, plan_number from migration_run_instance where run_id = ?"
        + " order by plan_number, process_instance_id",
        (ResultSet row) -> {
          instances.put(row.getString(1), row.getString(2));
        }, runId);
    return instances;
  }

  /** The newest first. */
  List<Run> list(int limit) {
    return jdbc.query("select * from migration_run order by started_at desc, id desc limit ?", this::run, limit);
  }

  private Run run(ResultSet row, int number) throws SQLException {
    long id = row.getLong("id");
    List<String> plans = jdbc.queryForList("select distinct plan_number from migration_run_instance where run_id = ?"
        + " and plan_number is not null order by plan_number", String.class, id);
    return new Run(id, row.getObject("started_at", OffsetDateTime.class), row.getString("started_by"),
        row.getString("process_key"), row.getString("source_definition_id"), row.getString("source_version"),
        row.getString("target_definition_id"), row.getString("target_version"), row.getString("selection"),
        row.getString("mapping_file"), row.getInt("instance_count"), plans, row.getString("batch_id"),
        Outcome.valueOf(row.getString("outcome")), row.getObject("finished_at", OffsetDateTime.class),
        lines(row.getString("detail")));
  }

  private static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
