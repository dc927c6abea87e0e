package vn.pcmt.processowner;

/**
 * One reason a diagram or form is refused, worded for the process owner who drew it: the file, the element (its id and
 * the name shown in Camunda Modeler), what is wrong and what to do about it, in Vietnamese. {@code check} names the
 * rule (e.g. {@code missing-bean}, {@code lint:no-implicit-split}); docs/process-owners.md lists every one.
 */
public record Finding(String file, String elementId, String elementName, String check, String problem, String fix) {

  /** One line: {@code tệp › Task_X «Tên»: vấn đề Cách sửa: ...}. */
  public String text() {
    StringBuilder text = new StringBuilder(file);
    if (elementId != null) {
      text.append(" › ").append(elementId);
      if (elementName != null && !elementName.isBlank()) {
        text.append(" «").append(elementName.strip().replaceAll("\\s+", " ")).append('»');
      }
    }
    text.append(": ").append(problem);
    if (fix != null && !fix.isBlank()) {
      text.append(" Cách sửa: ").append(fix);
    }
    text.append(" [").append(check).append(']');
    return text.toString();
  }

  @Override
  public String toString() {
    return text();
  }
}
