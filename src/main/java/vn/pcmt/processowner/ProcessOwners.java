package vn.pcmt.processowner;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * The process-owner role: the Camunda group {@value #GROUP}, whose members deploy diagrams and forms (Camunda
 * Modeler's Deploy button, the REST API) and read the deployment history. Nobody else but administrators may deploy:
 * the engine answers anyone without the grant with 403. Lower case, so it never collides with an agency code.
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

  /** Creates the group and its grant if missing; idempotent, run at every start before anything is deployed. */
  public void ensureRole() {
    if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
      Group group = identity.newGroup(GROUP);
      group.setName(GROUP_NAME);
      group.setType(GROUP_TYPE);
      identity.saveGroup(group);
    }
    Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(GROUP)
        .resourceType(Resources.DEPLOYMENT).resourceId(Authorization.ANY).singleResult();
    if (grant == null || !grant.isPermissionGranted(Permissions.CREATE)
        || !grant.isPermissionGranted(Permissions.READ)) {
      Authorization authorization = grant != null ? grant
          : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(GROUP);
      authorization.setResource(Resources.DEPLOYMENT);
      authorization.setResourceId(Authorization.ANY);
      authorization.addPermission(Permissions.CREATE);
      authorization.addPermission(Permissions.READ);
      authorizations.saveAuthorization(authorization);
    }
  }

  /** Whether the current user is a process owner or an administrator. */
  boolean currentUserMayDeploy() {
    var user = identity.getCurrentAuthentication();
    return user != null && user.getGroupIds() != null
        && (user.getGroupIds().contains(GROUP) || user.getGroupIds().contains(Groups.CAMUNDA_ADMIN));
  }
}
