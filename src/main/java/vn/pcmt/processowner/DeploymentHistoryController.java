package vn.pcmt.processowner;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployment history for process owners and administrators, newest first: who deployed what and when, whether
 * it was accepted, and what validation found. HTTP Basic like the rest of /api.
 */
@RestController
@RequestMapping("/api/deployments")
class DeploymentHistoryController {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final DeploymentHistory history;
  private final ProcessOwners owners;

  DeploymentHistoryController(DeploymentHistory history, ProcessOwners owners) {
    this.history = history;
    this.owners = owners;
  }

  @GetMapping
  List<DeploymentHistory.Entry> list(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    if (!owners.currentUserMayDeploy()) {
      throw new AuthorizationException("Chỉ chủ quy trình (nhóm " + ProcessOwners.GROUP
          + ") và quản trị hệ thống xem được lịch sử triển khai.");
    }
    return history.list(Math.max(1, Math.min(limit, MAX_LIMIT)));
  }
}
