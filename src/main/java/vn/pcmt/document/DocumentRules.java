package vn.pcmt.document;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What an official may attach: signed documents as PDF, Word (DOCX) or a scan (JPEG, PNG, TIFF), up to a size.
 *
 * @param maxSize the largest file accepted ({@code pcmt.documents.max-size}, 20 MB)
 */
@ConfigurationProperties("pcmt.documents")
public record DocumentRules(DataSize maxSize) {

  /** Accepted types, as detected from the file's bytes, with the name officials know them by. */
  static final Map<String, String> TYPES = Map.of(
      "application/pdf", "PDF",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)",
      "image/jpeg", "ảnh JPG",
      "image/png", "ảnh PNG",
      "image/tiff", "ảnh TIFF");

  public DocumentRules {
    if (maxSize == null) {
      maxSize = DataSize.ofMegabytes(20);
    }
  }
}
