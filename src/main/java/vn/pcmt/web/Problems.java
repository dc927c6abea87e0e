package vn.pcmt.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of every error the application answers with: an RFC 9457 problem with a Vietnamese title and detail
 * for the official behind the client and a stable type ({@code urn:pcmt:problem:<type>}) for the client's code.
 */
public final class Problems {

  private Problems() {
  }

  public static ProblemDetail of(HttpStatusCode status, String title, String detail, String type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:pcmt:problem:" + type));
    return problem;
  }
}
