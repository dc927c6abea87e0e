package vn.pcmt.processowner.migration;

import java.net.URI;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.pcmt.processowner.ProcessOwners;

/**
 * Moving running plans to a new version of a diagram, for process owners (group {@value ProcessOwners#GROUP}) and
 * administrators; anyone else gets 403. HTTP Basic like the rest of /api.
 *
 * <ul>
 * <li>{@code POST /api/migrations/dry-run}: what would happen ({@link MigrationReport}); changes nothing;</li>
 * <li>{@code POST /api/migrations}: the same check, then the move as engine batches (202 with the batch ids), or 409
 * with the report when any instance cannot move (nothing is moved);</li>
 * <li>{@code GET /api/migrations/{batchId}}: progress of one batch;</li>
 * <li>{@code GET /api/migrations}: every run, newest first.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/migrations")
class MigrationController {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final PlanMigrations migrations;
  private final ProcessOwners owners;

  MigrationController(PlanMigrations migrations, ProcessOwners owners) {
    this.migrations = migrations;
    this.owners = owners;
  }

  @PostMapping("/dry-run")
  MigrationReport dryRun(@RequestBody MigrationRequest request) {
    requireProcessOwner();
    return migrations.dryRun(request);
  }

  @PostMapping
  ResponseEntity<PlanMigrations.RunResult> run(@RequestBody MigrationRequest request) {
    requireProcessOwner();
    return ResponseEntity.accepted().body(migrations.run(request));
  }

  @GetMapping("/{batchId}")
  PlanMigrations.Progress progress(@PathVariable String batchId) {
    requireProcessOwner();
    return migrations.progress(batchId);
  }

  @GetMapping
  List<MigrationRuns.Run> list(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    requireProcessOwner();
    return migrations.history(Math.max(1, Math.min(limit, MAX_LIMIT)));
  }

  private void requireProcessOwner() {
    if (!owners.currentUserMayDeploy()) {
      throw new AuthorizationException("Chỉ chủ quy trình (nhóm " + ProcessOwners.GROUP
          + ") và quản trị hệ thống chuyển được các kế hoạch đang chạy sang phiên bản mới.");
    }
  }

  @ExceptionHandler(MigrationRequestException.class)
  ProblemDetail badRequest(MigrationRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Yêu cầu chuyển phiên bản không hợp lệ", e.getMessage(),
        "migration-request");
  }

  @ExceptionHandler(MigrationNotFoundException.class)
  ProblemDetail notFound(MigrationNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Không tìm thấy", e.getMessage(), "not-found");
  }

  @ExceptionHandler(MigrationRefusedException.class)
  ProblemDetail refused(MigrationRefusedException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Không chuyển được", e.getMessage(), "migration-refused");
    problem.setProperty("report", e.report());
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:pcmt:problem:" + type));
    return problem;
  }
}
