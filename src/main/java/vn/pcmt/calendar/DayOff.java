package vn.pcmt.calendar;

import java.time.LocalDate;

/**
 * A day state agencies do not work besides an ordinary Saturday or Sunday. The name is shown to officials, so it is
 * Vietnamese ("Giỗ Tổ Hùng Vương", "Nghỉ bù Quốc khánh").
 */
public record DayOff(LocalDate date, String name, Kind kind) {

  public enum Kind {
    /** A public holiday of Bộ luật Lao động 2019 Art. 112 (a holiday on a weekend is still listed). */
    HOLIDAY,
    /** The next working day off for a holiday that fell on a weekend (Art. 111(3)). */
    SUBSTITUTE,
    /** A day off only because the government announced it that year: a swap, an extra day. */
    ANNOUNCED
  }
}
