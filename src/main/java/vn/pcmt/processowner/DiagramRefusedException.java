package vn.pcmt.processowner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by validation; nothing of it is deployed. A {@link ParseException}, so that Camunda's REST API
 * answers 400 with the findings per file ({@code details}: each with its element id, line and column), which Camunda
 * Modeler shows after its Deploy button; the message lists every finding in the process owner's words.
 */
public class DiagramRefusedException extends ParseException {

  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  DiagramRefusedException(List<Finding> findings, Map<String, byte[]> resources) {
    super(message(findings), findings.get(0).file(), List.of(), List.of());
    this.findings = List.copyOf(findings);
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byFile.computeIfAbsent(finding.file(), f -> new ArrayList<>())
          .add(problem(finding, resources.get(finding.file())));
    }
    List<ResourceReport> reports = new ArrayList<>();
    byFile.forEach((file, problems) -> reports.add(new Report(file, problems, List.of())));
    this.resorceReports = reports;
  }

  public List<Finding> findings() {
    return findings;
  }

  static String message(List<Finding> findings) {
    StringBuilder message = new StringBuilder("Không triển khai: ").append(findings.size())
        .append(" lỗi cần sửa trong sơ đồ hoặc biểu mẫu.");
    for (int i = 0; i < findings.size(); i++) {
      message.append('\n').append(i + 1).append(". ").append(findings.get(i).text());
    }
    return message.toString();
  }

  private static Problem problem(Finding finding, byte[] content) {
    int line = 0;
    int column = 0;
    if (content != null && finding.elementId() != null) {
      String text = new String(content, StandardCharsets.UTF_8);
      int at = text.indexOf("id=\"" + finding.elementId() + "\"");
      if (at >= 0) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        column = at - lineStart + 1;
      }
    }
    return new Issue(finding.text(), line, column, finding.elementId(),
        finding.elementId() == null ? List.of() : List.of(finding.elementId()));
  }

  private record Issue(String message, int line, int column, String mainElementId, List<String> elementIds)
      implements Problem {

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return line;
    }

    @Override
    public int getColumn() {
      return column;
    }

    @Override
    public String getMainElementId() {
      return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
      return elementIds;
    }
  }

  private record Report(String resourceName, List<Problem> errors, List<Problem> warnings) implements ResourceReport {

    @Override
    public String getResourceName() {
      return resourceName;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return warnings;
    }
  }
}
