package vn.pcmt.monitoring;


import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.pcmt.web.Problems;

/** The monitor's own refusals as RFC 9457 problems, in the format of the rest of the API (vn.pcmt.web). */
@RestControllerAdvice(basePackageClasses = MonitorExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MonitorExceptionHandler {

  @ExceptionHandler(MonitorNotFoundException.class)
  ProblemDetail notFound(MonitorNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Không tìm thấy", e.getMessage(), "not-found");
  }

  @ExceptionHandler(MonitorBadRequestException.class)
  ProblemDetail badRequest(MonitorBadRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Yêu cầu không hợp lệ", e.getMessage(), "invalid-data");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
    return Problems.of(status, title, detail, type);
  }
}
