package vn.pcmt.document;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A document refused, with the Vietnamese reason the official reads. */
class DocumentRefusedException extends ResponseStatusException {

  DocumentRefusedException(HttpStatus status, String reason) {
    super(status, reason);
  }
}
