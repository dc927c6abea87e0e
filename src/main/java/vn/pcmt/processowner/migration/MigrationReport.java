package vn.pcmt.processowner.migration;

import java.util.List;

import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The dry run's answer to a process owner, in Vietnamese: for the chosen running instances, where each running step
 * goes in the new version, which cannot go and why, which steps are new, and what happens to the reminders. A run
 * starts only when {@code canRun}.
 *
 * @param instances  how many running instances were chosen
 * @param migratable how many of them the engine can move
 * @param blocked    how many it cannot (nothing is moved while any is blocked)
 * @param summary    the report in sentences, in the order a process owner reads it
 */
record MigrationReport(String processKey, Version target, int instances, int migratable, int blocked,
    boolean canRun, List<String> alreadyOnTarget, List<Group> groups, List<String> summary) {

  /** One version of a diagram. */
  record Version(String id, String key, int version, String versionTag, String name) {

    static Version of(ProcessDefinition definition) {
      return new Version(definition.getId(), definition.getKey(), definition.getVersion(),
          definition.getVersionTag(), definition.getName());
    }

    String label() {
      return key + " v" + version + (versionTag == null ? "" : " (" + versionTag + ")");
    }
  }

  /**
   * The instances of one source version: they move together with one migration plan.
   *
   * @param mappingFile          where the explicit mappings came from ({@code null}: none)
   * @param updateEventTriggers  whether timers (reminders) are computed again from the new diagram
   * @param blockedInstances     ids of the instances that cannot move, with the plan number
   */
  record Group(Version source, Version target, String mappingFile, boolean updateEventTriggers, int instances,
      List<String> plans, List<StepMapping> steps, List<Unmappable> unmappable, List<PlanProblem> planProblems,
      List<Step> newSteps, List<Step> removedSteps, List<ReminderChange> reminders, List<String> blockedInstances) {
  }

  /** Running instances of one step and where they go. {@code by}: SAME_ID or MAPPING_FILE. */
  record StepMapping(String source, String sourceName, String target, String targetName, String by, int instances,
      int tasks, String text) {
  }

  /** Running instances of one step that cannot move, with the reasons in Vietnamese and as Camunda gave them. */
  record Unmappable(String source, String sourceName, int instances, int tasks, List<String> reasons,
      List<String> engineReasons, String text) {
  }

  /** An instruction of the migration plan (a line of the mapping file) that Camunda refuses. */
  record PlanProblem(String source, String target, List<String> reasons, List<String> engineReasons, String text) {
  }

  /** A step of one version only: new in the target, or gone from it. */
  record Step(String id, String name, String type, String text) {
  }

  /**
   * A reminder or escalation (timeout listener) of a mapped user task that changes: ADDED, REMOVED, CHANGED (same id,
   * other timer), with what happens to the waiting timers.
   */
  record ReminderChange(String step, String listener, String change, String before, String after, int tasks,
      String text) {
  }
}
