package vn.pcmt.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * When a deadline falls due, with the steps that led there, so the official can be shown why: "trước ngày 15/3"
 * names 15/03 (exclusive), so 14/03 is the last day in time; 14/03/2026 is a Saturday, so it is due on Monday 16/03
 * at 23:59:59.
 *
 * @param date the date the rule names or computes ("trước ngày 15/3": 15/03)
 * @param inclusive whether {@code date} itself is still in time
 * @param lastDay the last day in time, before any roll to a working day
 * @param dueDay the day it really ends: {@code lastDay}, or the next working day when that is a day off and the rule
 *     rolls
 * @param at the end of {@code dueDay} in the deployment's time zone
 */
public record DueMoment(LocalDate date, boolean inclusive, LocalDate lastDay, LocalDate dueDay, Instant at) {

  /** For the engine and the code that takes {@link Date}s (task due dates). */
  public Date asDate() {
    return Date.from(at);
  }
}
