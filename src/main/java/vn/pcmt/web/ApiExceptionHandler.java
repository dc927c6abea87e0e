package vn.pcmt.web;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import vn.pcmt.engine.InvalidFormDataException;
import vn.pcmt.plan.PlanNotFoundException;

/**
 * Errors of the JSON API as RFC 9457 problems: a Vietnamese title and detail for the official behind the client, and
 * for bad input an {@code errors} list naming each field (a JSON path) with its message.
 */
@RestControllerAdvice(basePackages = "vn.pcmt")
class ApiExceptionHandler {

  @ExceptionHandler(InvalidFormDataException.class)
  ProblemDetail invalid(InvalidFormDataException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ", e.getMessage(), "invalid-data");
    problem.setProperty("errors", e.errors().stream()
        .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String field = "";
    String message = "Nội dung gửi lên không phải JSON hợp lệ.";
    if (e.getCause() instanceof JsonMappingException mapping) {
      field = path(mapping.getPath());
      message = message(mapping, field);
    }
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ", message, "invalid-data");
    problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return problem;
  }

  /** What was wrong with a field, in the official's words: unknown, or not of its type. */
  private static String message(JsonMappingException mapping, String field) {
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      return "Trường '" + field + "' không có trong mẫu dữ liệu (viết sai tên trường?). Các trường được nhận: "
          + String.join(", ", unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ".";
    }
    if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Class<?> type = mismatch.getTargetType();
      String value = mapping instanceof InvalidFormatException format ? " '" + format.getValue() + "'" : "";
      if (type == java.time.LocalDate.class) {
        return "Giá trị" + value + " của trường '" + field
            + "' không phải ngày: ngày viết dạng năm-tháng-ngày trong dấu nháy, ví dụ \"2023-01-30\".";
      }
      if (type == Boolean.class || type == boolean.class) {
        return "Trường '" + field + "' chỉ nhận true hoặc false.";
      }
      if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
        return "Giá trị" + value + " của trường '" + field + "' phải là một số.";
      }
      if (type.isEnum()) {
        return "Giá trị" + value + " của trường '" + field + "' không hợp lệ. Các giá trị: "
            + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()) + ".";
      }
      return "Giá trị" + value + " của trường '" + field + "' không đúng kiểu.";
    }
    return "Trường '" + field + "' không đúng định dạng.";
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Không có quyền", "Tài khoản không có quyền thực hiện thao tác này. "
        + e.getMessage(), "forbidden");
  }

  @ExceptionHandler(PlanNotFoundException.class)
  ProblemDetail notFound(PlanNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Không tìm thấy", e.getMessage(), "not-found");
  }

  /** A refusal the code words itself (a document of the wrong type, a task not found): its status and reason. */
  @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
  ProblemDetail refused(org.springframework.web.server.ResponseStatusException e) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    return problem(status, status.is4xxClientError() && status != HttpStatus.NOT_FOUND ? "Không thực hiện được"
        : "Không tìm thấy", e.getReason(), status == HttpStatus.NOT_FOUND ? "not-found" : "refused");
  }

  /** An upload beyond the container's limit (above the application's own, which says more). */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Không thực hiện được", "Tệp quá lớn.", "refused");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
    return Problems.of(status, title, detail, type);
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
