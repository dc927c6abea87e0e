package vn.pcmt.agency;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.pcmt.web.Problems;

/**
 * The directory for administrators (group camunda-admin): import an updated directory file (YAML or .xlsx), first as
 * a dry run that lists what would change, and export the current directory as the workbook officials edit.
 */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final DirectoryImports imports;
  private final AgencyDirectory directory;
  private final IdentityService identity;

  DirectoryController(DirectoryImports imports, AgencyDirectory directory, IdentityService identity) {
    this.imports = imports;
    this.directory = directory;
    this.identity = identity;
  }

  /** {@code dryRun} (the default) only lists the changes; {@code dryRun=false} applies them. */
  @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  DirectoryImports.Result importFile(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "dryRun", defaultValue = "true") String dryRun) throws IOException {
    String user = requireAdministrator();
    if (!dryRun.equals("true") && !dryRun.equals("false")) {
      throw new DirectoryRefusedException("Tham số dryRun chỉ nhận true (xem trước) hoặc false (nhập thật).");
    }
    if (file == null || file.isEmpty()) {
      throw new DirectoryRefusedException("Chưa chọn tệp danh bạ (trường 'file' của biểu mẫu multipart).");
    }
    if (file.getSize() > DirectoryImports.MAX_FILE_BYTES) {
      throw new DirectoryRefusedException("Tệp lớn hơn " + DirectoryImports.MAX_FILE_BYTES / 1024 / 1024
          + " MB: không phải một danh bạ.");
    }
    DirectoryFile.Read read = DirectoryImports.read(file.getOriginalFilename(), file.getBytes());
    return dryRun.equals("true") ? imports.dryRun(read) : imports.apply(read, user);
  }

  @GetMapping("/export.xlsx")
  ResponseEntity<byte[]> export() {
    requireAdministrator();
    byte[] workbook = DirectoryExport.write(directory.kinds(), DirectoryExport.treeOrder(directory.all()));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("danh-ba-co-quan.xlsx")
            .build().toString())
        .body(workbook);
  }

  @ExceptionHandler(DirectoryRefusedException.class)
  ProblemDetail refused(DirectoryRefusedException e) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Danh bạ không được nhập", e.getMessage(),
        "directory-refused");
    problem.setProperty("errors", e.problems().stream().map(p -> {
      Map<String, String> error = new LinkedHashMap<>();
      error.put("where", p.where());
      error.put("code", p.code());
      error.put("message", p.message());
      return error;
    }).toList());
    return problem;
  }

  private String requireAdministrator() {
    var user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      throw new AuthorizationException("Chỉ quản trị hệ thống (nhóm " + Groups.CAMUNDA_ADMIN
          + ") được nhập và xuất danh bạ cơ quan.");
    }
    return user.getUserId();
  }
}
