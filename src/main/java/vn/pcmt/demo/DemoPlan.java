package vn.pcmt.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.plan.PlanRegistration;
import vn.pcmt.plan.PlanRegistration.AssignmentItem;
import vn.pcmt.plan.PlanRegistration.IndicatorItem;
import vn.pcmt.plan.PlanRegistration.PeriodItem;
import vn.pcmt.plan.TargetType;

/**
 * The demo's copy of the Sơn La plan 23/KH-UBND of 2023, moved to today: same agencies, duties, indicators and
 * intervals between its dates, every date shifted by the same number of days so that today sits a few working days
 * before the 6-month report is due (the Sơn La plan's "trước ngày 15/6"). Its number says it is a demo
 * ({@value #NUMBER_SUFFIX}); the real plan with its real dates is what the tests register.
 *
 * <p>Agencies dissolved by the date (the 2025 reorganisation) are replaced by their successors from the directory;
 * a collective whose kind no longer exists addresses the kind that took over its duties (districts ended on 30/6/2025,
 * the communes took over).
 */
final class DemoPlan {

  /** Appended to the real plan's number: "23/KH-UBND-DEMO". */
  static final String NUMBER_SUFFIX = "-DEMO";
  static final String TITLE_SUFFIX = " (bản demo)";
  /** Working days from today to the last day of the anchor period (the plan's second period, "06 tháng"). */
  static final int ANCHOR_WORKING_DAYS_AHEAD = 4;
  private static final int ANCHOR_PERIOD = 1;
  /** The two-tier local government of 2025: what a collective of a dissolved kind now means. */
  private static final Map<String, String> KIND_SUCCESSORS = Map.of("DISTRICT", "COMMUNE");
  private static final Pattern PHRASE_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}(/\\d{4})?");
  /** Years the plan's own texts refer to ("năm 2023", "quý I/2023"); legal bases keep theirs. */
  private static final Pattern TEXT_YEAR = Pattern.compile("(năm |quý [IVX]+/)(\\d{4})");
  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final PlanRegistration real;
  private final PlanRegistration demo;
  private final long shiftDays;

  private DemoPlan(PlanRegistration real, PlanRegistration demo, long shiftDays) {
    this.real = real;
    this.demo = demo;
    this.shiftDays = shiftDays;
  }

  /** The real plan moved so that today is {@value #ANCHOR_WORKING_DAYS_AHEAD} working days before the anchor is due. */
  static DemoPlan of(PlanRegistration real, LocalDate today, Deadlines deadlines, AgencyDirectory directory) {
    PeriodItem anchor = real.reportingPeriods().get(ANCHOR_PERIOD);
    LocalDate anchorLastDay = deadlines.lastDay(anchor.dueDate(), anchor.deadlinePhrase());
    long shift = ChronoUnit.DAYS.between(anchorLastDay,
        deadlines.addWorkingDays(today, ANCHOR_WORKING_DAYS_AHEAD));
    LocalDate issueDate = real.issueDate().plusDays(shift);
    if (!deadlines.isWorkingDay(issueDate)) {
      // a plan is signed on a working day
      issueDate = deadlines.calendar().subtractWorkingDays(issueDate, 1);
    }
    int years = issueDate.getYear() - real.issueDate().getYear();
    LocalDate subPlanDeadline = real.subPlanDeadline() == null ? null : real.subPlanDeadline().plusDays(shift);
    int issueYear = issueDate.getYear();
    List<PeriodItem> periods = real.reportingPeriods().stream().map(p -> {
      LocalDate due = p.dueDate().plusDays(shift);
      return new PeriodItem(p.label(), due, phrase(p.deadlinePhrase(), due, issueYear));
    }).toList();
    PlanRegistration demo = new PlanRegistration(real.planNumber() + NUMBER_SUFFIX,
        years(real.planTitle(), years) + TITLE_SUFFIX, issueDate, real.issuingAgency(), real.standingAgency(),
        real.legalBases(), subPlanDeadline,
        subPlanDeadline == null ? null : phrase(real.subPlanDeadlinePhrase(), subPlanDeadline, issueYear),
        assignments(real.assignments(), issueDate, directory, years), periods,
        real.indicatorsOrEmpty().stream().map(i -> new IndicatorItem(years(i.name(), years), i.unit(), i.kind(),
            i.comparison(), i.target(), i.baseline(), i.baselineYear() == null ? null : i.baselineYear() + years))
            .toList(),
        real.recipients(), real.yearEndCommendation());
    return new DemoPlan(real, demo, shift);
  }

  PlanRegistration real() {
    return real;
  }

  PlanRegistration registration() {
    return demo;
  }

  long shiftDays() {
    return shiftDays;
  }

  /** The reporting period's label by position (0: the first quarter). */
  String periodLabel(int position) {
    return demo.reportingPeriods().get(position).label();
  }

  /** The last day in time of the period at the position (before rolling to a working day). */
  LocalDate periodLastDay(int position, Deadlines deadlines) {
    PeriodItem period = demo.reportingPeriods().get(position);
    return deadlines.dueDate(deadlines.lastDay(period.dueDate(), period.deadlinePhrase()));
  }

  LocalDate subPlanLastDay(Deadlines deadlines) {
    return deadlines.dueDate(deadlines.lastDay(demo.subPlanDeadline(), demo.subPlanDeadlinePhrase()));
  }

  /** The worded deadline with its date replaced ("trước ngày 15/3" → "trước ngày 12/09"); the year when needed. */
  static String phrase(String original, LocalDate date, int issueYear) {
    if (original == null || original.isBlank()) {
      return original;
    }
    Matcher matcher = PHRASE_DATE.matcher(original);
    if (!matcher.find()) {
      return original;
    }
    boolean withYear = matcher.group(1) != null || date.getYear() != issueYear;
    String replacement = (withYear ? DAY_MONTH_YEAR : DAY_MONTH).format(date);
    return original.substring(0, matcher.start()) + replacement + original.substring(matcher.end());
  }

  /** "năm 2023" becomes "năm 2026" when the demo is 3 years later. */
  static String years(String text, int years) {
    if (text == null || years == 0) {
      return text;
    }
    Matcher matcher = TEXT_YEAR.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(result, Matcher.quoteReplacement(
          matcher.group(1) + (Integer.parseInt(matcher.group(2)) + years)));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private static List<AssignmentItem> assignments(List<AssignmentItem> real, LocalDate on, AgencyDirectory directory,
      int years) {
    List<AssignmentItem> result = new ArrayList<>();
    for (AssignmentItem item : real) {
      String duty = years(item.duty(), years);
      TargetType type = item.targetTypeOrDefault();
      if (type == TargetType.KIND) {
        String kind = item.target();
        boolean noneLeft = directory.kind(kind).map(k -> directory.ofKind(k, on).isEmpty()).orElse(true);
        if (noneLeft && KIND_SUCCESSORS.containsKey(kind)) {
          kind = KIND_SUCCESSORS.get(kind);
        }
        result.add(sameObligations(item, type, kind, duty));
      } else if (type == TargetType.AGENCY) {
        for (String code : directory.successorsOn(item.target(), on)) {
          result.add(sameObligations(item, type, code, duty));
        }
      } else {
        result.add(sameObligations(item, type, item.target(), duty));
      }
    }
    return result;
  }

  /** The assignment for another target, owing what the real one owes (the real plan's deadlines are its own). */
  private static AssignmentItem sameObligations(AssignmentItem item, TargetType type, String target, String duty) {
    return new AssignmentItem(type, target, item.role(), duty, item.owesSubPlan(), null, null, item.reportsOn(),
        item.proposesCommendation());
  }

}
