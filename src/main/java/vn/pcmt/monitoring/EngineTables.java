package vn.pcmt.monitoring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine tables the monitor reads, named once with the engine's configured table prefix. The monitor reads them
 * with SQL, not the engine's query API, because it aggregates a whole plan (thousands of tasks) in one statement; it
 * reads only runtime tables with their own indexes (tasks by process instance, candidate links by task, incidents
 * by process instance, executions by id) and never scans the history.
 */
@Component
class EngineTables {

  final String task;
  final String identityLink;
  final String incident;
  final String execution;

  EngineTables(@Value("${camunda.bpm.database.table-prefix:}") String prefix) {
    String p = prefix == null ? "" : prefix;
    this.task = p + "ACT_RU_TASK";
    this.identityLink = p + "ACT_RU_IDENTITYLINK";
    this.incident = p + "ACT_RU_INCIDENT";
    this.execution = p + "ACT_RU_EXECUTION";
  }
}
