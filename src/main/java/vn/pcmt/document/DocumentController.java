package vn.pcmt.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents of a task (Tasklist's "Tài liệu" tab and REST clients): list, attach (multipart field {@code file}),
 * open. HTTP Basic or the webapps' session, like the rest of /api.
 */
@RestController
@RequestMapping("/api")
@org.springframework.boot.context.properties.EnableConfigurationProperties(DocumentRules.class)
class DocumentController {

  private final Documents documents;

  DocumentController(Documents documents) {
    this.documents = documents;
  }

  @GetMapping("/tasks/{taskId}/documents")
  List<Documents.DocumentView> list(@PathVariable String taskId) {
    return documents.ofTask(taskId);
  }

  @PostMapping(path = "/tasks/{taskId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Documents.DocumentView> attach(@PathVariable String taskId, @RequestParam("file") MultipartFile file)
      throws IOException {
    return ResponseEntity.status(201).body(documents.attach(taskId, file.getOriginalFilename(), file.getBytes()));
  }

  @GetMapping("/documents/{documentId}")
  ResponseEntity<InputStreamResource> open(@PathVariable String documentId) {
    Documents.Content content = documents.open(documentId);
    // shared office PCs: a signed document must not stay in the browser's cache after logout
    return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(content.name(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(content.type()))
        .body(new InputStreamResource(content.stream()));
  }
}
