package vn.pcmt.processowner;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * The process-owner role: the Camunda group {@value #GROUP}, whose members deploy diagrams and forms (Camunda
 * Modeler's Deploy button, the REST API), read the deployment history and move running plans to a new version
 * (/api/migrations). Nobody else but administrators may: the engine answers anyone without the grant with 403.
 * Lower case, so it never collides with an agency code.
 */
@Service
public class ProcessOwners {

  public static final String GROUP = "processowner";
  static final String GROUP_NAME = "Chủ quy trình (sơ đồ và biểu mẫu)";
  static final String GROUP_TYPE = "system";

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  ProcessOwners(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** Creates the group and its grants if missing; idempotent, run at every start before anything is deployed. */
  public void ensureRole() {
    if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
      Group group = identity.newGroup(GROUP);
      group.setName(GROUP_NAME);
      group.setType(GROUP_TYPE);
      identity.saveGroup(group);
    }
    // deploy diagrams and forms, read deployments
    grant(Resources.DEPLOYMENT, Permissions.CREATE, Permissions.READ);
    // move running instances to another version (vn.pcmt.processowner.migration): the engine checks
    // MIGRATE_INSTANCE on the source and the target process definition, and for a run as a batch
    // CREATE_BATCH_MIGRATE_PROCESS_INSTANCES; READ and READ_HISTORY let the owner follow the batch in the REST API
    grant(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grant(Resources.BATCH, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES, BatchPermissions.READ,
        BatchPermissions.READ_HISTORY);
  }

  private void grant(Resource resource, Permission... permissions) {
    Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(GROUP)
        .resourceType(resource).resourceId(Authorization.ANY).singleResult();
    if (grant != null && java.util.Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
      return;
    }
    Authorization authorization = grant != null ? grant
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(GROUP);
    authorization.setResource(resource);
    authorization.setResourceId(Authorization.ANY);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /** Whether the current user is a process owner or an administrator (deploys, migrates running plans). */
  public boolean currentUserMayDeploy() {
    var user = identity.getCurrentAuthentication();
    return user != null && user.getGroupIds() != null
        && (user.getGroupIds().contains(GROUP) || user.getGroupIds().contains(Groups.CAMUNDA_ADMIN));
  }
}
