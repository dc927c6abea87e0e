package vn.pcmt.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.pcmt.engine.InvalidFormDataException.FieldError;

/**
 * What an indicator's fields must say together, beyond the register-plan form's own rules (a name, a target not
 * below zero except for a fall against a past year, a baseline shown and required for RELATIVE): a percentage within
 * 0–100, a whole number of things or of agencies, a baseline only where a past year is compared with, a year before
 * the plan. Messages name the indicator, in the secretariat's words.
 */
final class IndicatorRules {

  /** The earliest baseline year a plan compares with ("so với năm 2022"). */
  static final int EARLIEST_BASELINE_YEAR = 1990;

  private IndicatorRules() {
  }

  static void check(PlanRegistration registration, List<FieldError> errors) {
    List<PlanRegistration.IndicatorItem> items = registration.indicatorsOrEmpty();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      PlanRegistration.IndicatorItem item = items.get(i);
      if (item == null) {
        continue;
      }
      String path = "indicators[" + i + "]";
      String name = item.name() == null || item.name().isBlank() ? "dòng " + (i + 1) : item.name().strip();
      if (item.name() != null && !item.name().isBlank()
          && !names.add(item.name().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))) {
        errors.add(new FieldError(path + ".name", "Chỉ tiêu '" + name + "' bị nhập trùng."));
      }
      switch (item.kindOrDefault()) {
        case RELATIVE -> relative(item, path, name, registration, errors);
        case PERCENTAGE -> {
          if (item.target() != null && (item.target() < 0 || item.target() > 100)) {
            errors.add(new FieldError(path + ".target", "Mục tiêu của chỉ tiêu tỷ lệ '" + name
                + "' phải từ 0 đến 100 (%), không phải " + NumberText.of(item.target()) + "."));
          }
        }
        case CRITERION -> criterion(item, path, name, errors);
        case COUNT, AMOUNT -> {
          if (item.target() != null && item.target() < 0) {
            errors.add(new FieldError(path + ".target", "Mục tiêu của chỉ tiêu '" + name + "' không được nhỏ hơn 0."));
          } else if (item.kindOrDefault() == IndicatorKind.COUNT && item.target() != null && !whole(item.target())) {
            errors.add(new FieldError(path + ".target", "Chỉ tiêu '" + name + "' đếm số lượng: mục tiêu phải là số"
                + " nguyên, không phải " + NumberText.of(item.target()) + " (số tiền, diện tích: chọn loại 'Giá trị')."));
          }
        }
      }
      if (item.kindOrDefault() != IndicatorKind.RELATIVE && (item.baseline() != null || item.baselineYear() != null)) {
        errors.add(new FieldError(path + (item.baseline() != null ? ".baseline" : ".baselineYear"), "Chỉ tiêu '" + name
            + "' không so với năm gốc: giá trị và năm gốc chỉ dùng cho chỉ tiêu loại '"
            + IndicatorKind.RELATIVE.label() + "'."));
      }
    }
  }

  /** "Tăng từ 5% trở lên so với năm 2023": the change in percent, the baseline and its year. */
  private static void relative(PlanRegistration.IndicatorItem item, String path, String name,
      PlanRegistration registration, List<FieldError> errors) {
    if (item.target() == null) {
      errors.add(new FieldError(path + ".target", "Chỉ tiêu '" + name + "' so với năm gốc cần mức tăng (số dương) hoặc"
          + " giảm (số âm) tính bằng %, ví dụ 5 cho \"tăng 5%\", -10 cho \"giảm 10%\"."));
    } else if (item.target() < -100) {
      errors.add(new FieldError(path + ".target", "Chỉ tiêu '" + name + "' không thể giảm quá 100% so với năm gốc."));
    }
    if (item.baseline() == null) {
      errors.add(new FieldError(path + ".baseline", "Chỉ tiêu '" + name + "' so với năm gốc cần giá trị của năm gốc"
          + " (ví dụ: số vụ phát hiện năm 2023)."));
    } else if (item.baseline() <= 0) {
      errors.add(new FieldError(path + ".baseline", "Giá trị năm gốc của chỉ tiêu '" + name + "' phải lớn hơn 0 để"
          + " tính mức tăng, giảm theo %."));
    }
    Integer year = item.baselineYear();
    int latest = registration.issueDate() == null ? Integer.MAX_VALUE : registration.issueDate().getYear();
    if (year == null) {
      errors.add(new FieldError(path + ".baselineYear", "Chỉ tiêu '" + name + "' so với năm gốc cần năm gốc (ví dụ"
          + " 2023 cho \"so với năm 2023\")."));
    } else if (year < EARLIEST_BASELINE_YEAR || year > latest) {
      errors.add(new FieldError(path + ".baselineYear", "Năm gốc " + year + " của chỉ tiêu '" + name
          + "' phải từ năm " + EARLIEST_BASELINE_YEAR + " đến năm ban hành kế hoạch"
          + (latest == Integer.MAX_VALUE ? "" : " (" + latest + ")") + "."));
    }
  }

  /** A criterion is met by agencies: "all" (no target) or at least a whole number of them. */
  private static void criterion(PlanRegistration.IndicatorItem item, String path, String name,
      List<FieldError> errors) {
    if (item.target() != null && (item.target() < 1 || !whole(item.target()))) {
      errors.add(new FieldError(path + ".target", "Mục tiêu của tiêu chí '" + name + "' là số cơ quan phải đạt: một số"
          + " nguyên từ 1 trở lên, hoặc để trống nếu mọi cơ quan phải đạt."));
    }
    if (item.comparison() == Comparison.AT_MOST) {
      errors.add(new FieldError(path + ".comparison", "Tiêu chí '" + name + "' được tính bằng số cơ quan đạt: chỉ"
          + " chọn '" + Comparison.AT_LEAST.label() + "'."));
    }
  }

  private static boolean whole(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value);
  }
}
