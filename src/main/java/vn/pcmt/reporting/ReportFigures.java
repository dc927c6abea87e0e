package vn.pcmt.reporting;

import vn.pcmt.engine.FormValues;
import vn.pcmt.plan.Indicator;
import vn.pcmt.plan.IndicatorKind;
import vn.pcmt.plan.NumberText;
import vn.pcmt.reporting.AgencyReportProcess.FigureRow;

/**
 * Reads one row of the report form as what the indicator's kind asks of the agency, whatever the row says its kind is:
 * the form shows the inputs by the row's kind (FEEL {@code hide}), so a row sent with another kind would escape the
 * form's own rules. Refusals name the indicator; a field the form's rules already refused is not reported again.
 */
final class ReportFigures {

  private ReportFigures() {
  }

  /** The figure, or null (with a problem added) when the row does not give what the kind needs. */
  static ReportFigure read(Indicator indicator, FigureRow row, String path, FormValues problems) {
    IndicatorKind kind = indicator.getKind();
    String name = "'" + indicator.getName() + "'";
    if (row.kind() != null && !row.kind().equals(kind.name())) {
      problems.add(path + ".kind", "Chỉ tiêu " + name + " là loại '" + kind.label() + "' trong kế hoạch, không phải '"
          + label(row.kind()) + "'.");
      return null;
    }
    return switch (kind) {
      case COUNT, AMOUNT, RELATIVE -> value(indicator, row, path, name, problems);
      case PERCENTAGE -> fraction(row, path, name, problems);
      case CRITERION -> {
        if (row.met() == null) {
          addOnce(problems, path + ".met", "Chưa chọn đạt hay không đạt cho tiêu chí " + name + ".");
          yield null;
        }
        yield ReportFigure.criterion(row.met());
      }
    };
  }

  private static ReportFigure value(Indicator indicator, FigureRow row, String path, String name,
      FormValues problems) {
    Double value = row.value();
    String field = path + ".value";
    if (value == null) {
      addOnce(problems, field, "Chưa nhập kết quả của chỉ tiêu " + name + ".");
      return null;
    }
    if (value < 0) {
      addOnce(problems, field, "Kết quả của chỉ tiêu " + name + " không được nhỏ hơn 0.");
      return null;
    }
    if (indicator.getKind() == IndicatorKind.COUNT && value != Math.rint(value)) {
      addOnce(problems, field, "Chỉ tiêu " + name + " đếm số lượng: kết quả phải là số nguyên, không phải "
          + NumberText.of(value) + ".");
      return null;
    }
    return ReportFigure.value(value);
  }

  /** A percentage: how many reached it (numerator) of how many there are (denominator). */
  private static ReportFigure fraction(FigureRow row, String path, String name, FormValues problems) {
    Double numerator = row.numerator();
    Double denominator = row.denominator();
    boolean readable = true;
    if (numerator == null || numerator < 0) {
      addOnce(problems, path + ".numerator", numerator == null ? "Chưa nhập số đạt (tử số) của chỉ tiêu " + name + "."
          : "Số đạt (tử số) của chỉ tiêu " + name + " không được nhỏ hơn 0.");
      readable = false;
    }
    if (denominator == null || denominator < 0) {
      addOnce(problems, path + ".denominator", denominator == null
          ? "Chưa nhập tổng số (mẫu số) của chỉ tiêu " + name + "."
          : "Tổng số (mẫu số) của chỉ tiêu " + name + " không được nhỏ hơn 0.");
      readable = false;
    }
    if (!readable) {
      return null;
    }
    if (numerator > denominator) {
      addOnce(problems, path + ".numerator", "Chỉ tiêu " + name + ": số đạt (" + NumberText.of(numerator)
          + ") không được lớn hơn tổng số (" + NumberText.of(denominator) + ").");
      return null;
    }
    return ReportFigure.fraction(numerator, denominator);
  }

  private static void addOnce(FormValues problems, String field, String message) {
    if (!problems.has(field)) {
      problems.add(field, message);
    }
  }

  private static String label(String kind) {
    try {
      return IndicatorKind.valueOf(kind).label();
    } catch (IllegalArgumentException e) {
      return kind;
    }
  }
}
