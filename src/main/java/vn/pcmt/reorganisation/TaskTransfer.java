package vn.pcmt.reorganisation;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * Moves an agency's open task to another agency, wholly: the new agency's groups replace the old one's as candidates,
 * the old groups' task grants are deleted (the engine keeps a removed candidate group's grant), an old-agency user
 * who had taken the task gives it back and loses the grant the assignment gave, and the variables that route the
 * later steps (agencyGroup, agencyHeadGroup, agencyName) name the new agency. The secretariat's re-routing from the
 * monitor and the move of an ended agency's work to its successor both come here. Runs as the engine: the caller
 * checked who may move what.
 */
@Service
public class TaskTransfer {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AuthorizationService authorizations;
  private final IdentityService identity;

  TaskTransfer(TaskService tasks, RuntimeService runtime, AuthorizationService authorizations,
      IdentityService identity) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.authorizations = authorizations;
    this.identity = identity;
  }

  /** The candidate groups of the task that make it the agency's: its code and its head group. */
  @Transactional(readOnly = true)
  public List<String> groupsOf(String taskId, String agency) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .filter(g -> g.equals(agency) || g.equals(AgencyGroups.headGroupOf(agency))).toList();
  }

  @Transactional
  public void move(Task task, String from, Agency to) {
    String taskId = task.getId();
    String fromHead = AgencyGroups.headGroupOf(from);
    String toHead = AgencyGroups.headGroupOf(to.getCode());
    List<String> members = identity.createUserQuery().memberOfGroup(from).list().stream().map(u -> u.getId()).toList();
    List<String> heads = identity.createUserQuery().memberOfGroup(fromHead).list().stream().map(u -> u.getId()).toList();
    for (String group : groupsOf(taskId, from)) {
      tasks.deleteCandidateGroup(taskId, group);
      tasks.addCandidateGroup(taskId, group.equals(fromHead) ? toHead : to.getCode());
    }
    List<Authorization> revoked = new ArrayList<>(authorizations.createAuthorizationQuery()
        .resourceType(Resources.TASK).resourceId(taskId).groupIdIn(from, fromHead).list());
    for (String user : new String[] {task.getAssignee(), task.getOwner()}) {
      if (user != null && (members.contains(user) || heads.contains(user))) {
        revoked.addAll(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
            .userIdIn(user).list());
      }
    }
    if (task.getAssignee() != null && (members.contains(task.getAssignee()) || heads.contains(task.getAssignee()))) {
      tasks.setAssignee(taskId, null);
    }
    if (task.getOwner() != null && (members.contains(task.getOwner()) || heads.contains(task.getOwner()))) {
      tasks.setOwner(taskId, null);
    }
    revoked.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    // the variables are found where they live: the agency's own instance, or the commendation's per-agency scope
    setIfPresent(task.getExecutionId(), PlanLifecycleProcess.AGENCY_GROUP.name(), to.getCode());
    setIfPresent(task.getExecutionId(), SubPlanProcess.AGENCY_HEAD_GROUP.name(), toHead);
    setIfPresent(task.getExecutionId(), SubPlanProcess.AGENCY_NAME.name(), to.getName());
  }

  private void setIfPresent(String executionId, String name, Object value) {
    if (runtime.getVariable(executionId, name) != null) {
      runtime.setVariable(executionId, name, value);
    }
  }
}
