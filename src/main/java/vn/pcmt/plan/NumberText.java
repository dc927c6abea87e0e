package vn.pcmt.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as Vietnamese officials write them: "1.234,5" (dot between thousands, decimal comma), two decimals. */
public final class NumberText {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  private NumberText() {
  }

  public static String of(double value) {
    return of(BigDecimal.valueOf(value));
  }

  public static String of(BigDecimal value) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(VIETNAMESE);
    symbols.setGroupingSeparator('.');
    symbols.setDecimalSeparator(',');
    symbols.setMinusSign('-');
    DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  /** "12 xã", "90%", "5 buổi"; no unit: the number alone. */
  public static String withUnit(BigDecimal value, String unit) {
    if (unit == null || unit.isBlank()) {
      return of(value);
    }
    return of(value) + ("%".equals(unit.strip()) ? "" : " ") + unit.strip();
  }
}
