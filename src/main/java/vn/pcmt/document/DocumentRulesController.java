package vn.pcmt.document;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The limits Tasklist's "Tài liệu" tab checks before it uploads (app/pcmt/documents.js), so that an official hears at
 * once, in the same words as the server's refusal, that a file is too large: the largest size as configured
 * ({@code pcmt.documents.max-size}) and the accepted kinds. The server still checks every upload itself.
 */
@RestController
class DocumentRulesController {

  private final DocumentRules rules;

  DocumentRulesController(DocumentRules rules) {
    this.rules = rules;
  }

  record Limits(long maxSize, List<String> types) {
  }

  @GetMapping("/api/documents/rules")
  Limits rules() {
    return new Limits(rules.maxSize().toBytes(), DocumentRules.TYPES.values().stream().sorted().toList());
  }
}
