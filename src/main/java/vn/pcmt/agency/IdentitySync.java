package vn.pcmt.agency;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.reporting.PeriodicReportProcess;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * Mirrors the directory into Camunda identity: one group per agency (all its users) and one per agency's heads, and
 * the few authorizations the roles need beyond the task grants the engine gives candidate groups. Idempotent: run on
 * every start.
 */
@Service
public class IdentitySync {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);
  static final String FILTER_MY_AGENCY = "Việc của cơ quan tôi";
  static final String FILTER_MINE = "Tôi đang xử lý";
  static final String FILTER_DUE_SOON = "Sắp đến hạn";
  static final String FILTER_OVERDUE = "Quá hạn";
  static final String FILTER_ALL_OVERDUE = "Tất cả việc quá hạn";
  /** "Sắp đến hạn": due within this many working days. */
  static final int DUE_SOON_WORKING_DAYS = 3;
  /** Shown on every task in Tasklist's list, so an official tells one plan's, period's and agency's work apart. */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", PlanLifecycleProcess.PLAN_NUMBER.name(), "label", "Kế hoạch"),
      Map.of("name", PeriodicReportProcess.PERIOD_LABEL.name(), "label", "Kỳ báo cáo"),
      Map.of("name", SubPlanProcess.AGENCY_NAME.name(), "label", "Cơ quan"));

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  IdentitySync(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  public void sync(List<Agency> agencies) {
    int created = 0;
    for (Agency agency : agencies) {
      created += ensureGroup(agency.getCode(), agency.getName(), AgencyGroups.TYPE_AGENCY);
      created += ensureGroup(AgencyGroups.headGroupOf(agency.getCode()), "Lãnh đạo " + agency.getName(),
          AgencyGroups.TYPE_AGENCY_HEADS);
      if (agency.getRoles().contains(AgencyRole.SECRETARIAT)) {
        grantPlanRegistration(agency.getCode());
        grantSecretariat(agency.getCode());
        grantSecretariat(AgencyGroups.headGroupOf(agency.getCode()));
      }
    }
    grantToEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // the diagrams themselves (not their instances or tasks): Tasklist shows them and submitting a form reads them
    grantToEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ);
    ensureFilter(FILTER_MY_AGENCY, -10, "Việc giao cho cơ quan của tôi",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensureFilter(FILTER_MINE, -5, "Việc tôi đã nhận xử lý",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    // the engine evaluates these expressions each time the filter is opened: "now" moves, the filters follow
    ensureFilter(FILTER_DUE_SOON, 0, "Việc của cơ quan đến hạn trong " + DUE_SOON_WORKING_DAYS + " ngày làm việc tới",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueAfterExpression("${now()}")
            .dueBeforeExpression("${deadlines.untilWorkingDaysFromNow(" + DUE_SOON_WORKING_DAYS + ")}")
            .orderByDueDate().asc());
    ensureFilter(FILTER_OVERDUE, 5, "Việc của cơ quan đã quá hạn",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}").orderByDueDate().asc());
    // every agency's overdue work, for the secretariat only (it reads every task: IdentitySync#grantSecretariat)
    String allOverdue = ensureFilter(FILTER_ALL_OVERDUE, 10, "Mọi việc đã quá hạn của mọi cơ quan",
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), false);
    agencies.stream().filter(agency -> agency.getRoles().contains(AgencyRole.SECRETARIAT)).forEach(agency -> {
      grantToGroup(agency.getCode(), Resources.FILTER, allOverdue, Permissions.READ);
      grantToGroup(AgencyGroups.headGroupOf(agency.getCode()), Resources.FILTER, allOverdue, Permissions.READ);
    });
    LOG.info("Camunda identity in line with the directory: {} groups created", created);
  }

  private int ensureGroup(String id, String name, String type) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
      return 1;
    }
    if (!name.equals(group.getName())) {
      group.setName(name);
      identity.saveGroup(group);
    }
    return 0;
  }

  /** The secretariat registers plans: from Tasklist's start form and from the JSON API. */
  private void grantPlanRegistration(String groupId) {
    grantToGroup(groupId, Resources.PROCESS_DEFINITION, PlanLifecycleProcess.KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantToGroup(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
  }

  /**
   * The secretariat follows every agency's work: it may read (not work on) every task, so its "Tất cả việc quá hạn"
   * filter and the monitor show them. Working on a task still needs the task's own candidate grant.
   */
  private void grantSecretariat(String groupId) {
    grantToGroup(groupId, Resources.TASK, Authorization.ANY, Permissions.READ);
  }

  private void grantToGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization grant = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }

  private void grantToEveryone(Resource resource, String resourceId, Permission permission) {
    boolean present = authorizations.createAuthorizationQuery().userIdIn(Authorization.ANY).resourceType(resource)
        .resourceId(resourceId).count() > 0;
    if (!present) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      grant.setUserId(Authorization.ANY);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
      grant.addPermission(permission);
      authorizations.saveAuthorization(grant);
    }
  }

  private void ensureFilter(String name, int priority, String description, TaskQuery query) {
    ensureFilter(name, priority, description, query, true);
  }

  /** Creates or rewrites the filter; returns its id. {@code everyone}: every user may read it. */
  private String ensureFilter(String name, int priority, String description, TaskQuery query, boolean everyone) {
    Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    // the query is rewritten on every start, so a corrected definition reaches existing installations
    filter.setQuery(query).setProperties(Map.of("priority", priority, "description", description, "refresh", true,
        "variables", LIST_VARIABLES));
    filters.saveFilter(filter);
    if (everyone) {
      grantToEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }
    return filter.getId();
  }
}
