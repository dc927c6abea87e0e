package vn.pcmt.web;

import java.util.Map;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the container answers when nothing else did (an unknown path, an exception no handler took, {@code /error}
 * opened directly): the real status, never Spring Boot's 999, as an RFC 9457 problem for clients and a short page
 * in Vietnamese for browsers. No stack trace or exception message leaves the server.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

  private static final Map<Integer, String> DETAILS = Map.of(
      400, "Yêu cầu không hợp lệ.",
      401, "Cần đăng nhập.",
      403, "Tài khoản không có quyền thực hiện thao tác này.",
      404, "Không tìm thấy trang hoặc dữ liệu được yêu cầu.",
      405, "Phương thức không được hỗ trợ cho địa chỉ này.",
      413, "Nội dung gửi lên quá lớn.",
      415, "Kiểu nội dung gửi lên không được hỗ trợ.",
      500, "Máy chủ gặp lỗi khi xử lý yêu cầu. Không có dữ liệu nào bị thay đổi; hãy thử lại hoặc báo quản trị viên.");

  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    String html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + status.value()
        + " – " + escape(titleOf(status)) + "</title></head><body><h1>" + escape(titleOf(status))
        + "</h1><p>" + escape(detailOf(status)) + "</p><p><a href=\"/camunda/app/tasklist/\">Về Tasklist"
        + "</a></p></body></html>";
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(html);
  }

  @RequestMapping
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    ProblemDetail problem = Problems.of(status, titleOf(status), detailOf(status),
        status == HttpStatus.NOT_FOUND ? "not-found" : status.is5xxServerError() ? "server-error" : "refused");
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (path != null) {
      try {
        problem.setInstance(org.springframework.web.util.UriComponentsBuilder.fromPath(path.toString()).build()
            .encode().toUri());
      } catch (IllegalArgumentException unreadablePath) {
        // the path is only a courtesy to the reader; the problem stands without it
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The error's status; {@code /error} requested directly is no error of anything: not found. */
  private static HttpStatus statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null || !status.isError() ? HttpStatus.NOT_FOUND : status;
  }

  /** Escapes markup only; Vietnamese letters stay as they are (the page is UTF-8). */
  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private static String titleOf(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "Không tìm thấy";
      case UNAUTHORIZED -> "Chưa đăng nhập";
      case FORBIDDEN -> "Không có quyền";
      default -> status.is5xxServerError() ? "Lỗi máy chủ" : "Không thực hiện được";
    };
  }

  private static String detailOf(HttpStatus status) {
    return DETAILS.getOrDefault(status.value(), status.is5xxServerError() ? DETAILS.get(500) : DETAILS.get(400));
  }
}
