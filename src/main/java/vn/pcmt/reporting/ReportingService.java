package vn.pcmt.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.calendar.Deadlines;
import vn.pcmt.engine.FormValues;
import vn.pcmt.obligation.Obligation;
import vn.pcmt.obligation.ObligationKind;
import vn.pcmt.obligation.ObligationService;
import vn.pcmt.plan.Indicator;
import vn.pcmt.plan.Plan;
import vn.pcmt.plan.PlanRegistrationService;
import vn.pcmt.plan.ReportingPeriod;
import vn.pcmt.plan.ReportingPeriodRepository;
import vn.pcmt.reporting.AgencyReportProcess.FigureRow;
import vn.pcmt.reporting.PeriodicReportProcess.AgencyFigureRow;
import vn.pcmt.reporting.PeriodicReportProcess.IndicatorTotalRow;

/** Periodic reporting: opening a period, taking agencies' reports, consolidating them, sending the result. */
@Service
public class ReportingService {

  private final ReportingPeriodRepository periods;
  private final AgencyReportRepository reports;
  private final ConsolidatedReportRepository consolidated;
  private final PlanRegistrationService plans;
  private final AgencyDirectory directory;
  private final ObligationService obligations;
  private final Deadlines deadlines;
  private final int cutoffWorkingDays;

  ReportingService(ReportingPeriodRepository periods, AgencyReportRepository reports,
      ConsolidatedReportRepository consolidated, PlanRegistrationService plans, AgencyDirectory directory,
      ObligationService obligations, Deadlines deadlines,
      @Value("${pcmt.reporting.cutoff-working-days:5}") int cutoffWorkingDays) {
    this.periods = periods;
    this.reports = reports;
    this.consolidated = consolidated;
    this.plans = plans;
    this.directory = directory;
    this.obligations = obligations;
    this.deadlines = deadlines;
    this.cutoffWorkingDays = cutoffWorkingDays;
  }

  @Transactional(readOnly = true)
  public ReportingPeriod period(long periodId) {
    return periods.findById(periodId).orElseThrow(() -> new IllegalStateException("No reporting period " + periodId));
  }

  /** When the period's tasks appear and when its reports are due and cut off, and who reports. */
  @Transactional(readOnly = true)
  public OpenedPeriod open(long periodId) {
    ReportingPeriod period = period(periodId);
    Plan plan = period.getPlan();
    LocalDate opens = plan.getReportingPeriods().stream()
        .filter(p -> p.getPosition() == period.getPosition() - 1).findFirst()
        .map(ReportingPeriod::getDueDate).orElse(plan.getIssueDate());
    Date due = deadlines.dueAt(period.getDueDate(), period.getDeadlinePhrase());
    return new OpenedPeriod(period.getLabel(), due, deadlines.startOf(opens),
        deadlines.workingDaysAfter(deadlines.dateOf(due), cutoffWorkingDays));
  }

  /**
   * The agencies that report on the period, as the directory stands today (the day the period opens): an agency that
   * ended since the plan was issued is replaced by its successors.
   */
  @Transactional(readOnly = true)
  public List<String> reportingAgencies(long periodId) {
    ReportingPeriod period = period(periodId);
    return plans.reporting(period.getPlan(), period.getLabel());
  }

  /** The report form's rows, one per indicator of the plan, and the agency's obligation. */
  @Transactional
  public List<FigureRow> openAgencyReport(long periodId, String agency, Date dueAt, String processInstanceId) {
    ReportingPeriod period = period(periodId);
    obligations.open(period.getPlan().getId(), agency, ObligationKind.REPORT, periodId, dueAt, processInstanceId);
    return period.getPlan().getIndicators().stream()
        .map(i -> new FigureRow(i.getId(), i.getName(), i.getUnit(), i.getKind().name(), i.getTarget(),
            i.targetText(), null, null, null, null)).toList();
  }

  /**
   * Checks a report form's figures against the plan: every indicator of the plan once, none of another plan, and for
   * each what its kind needs (ReportFigures). The form file's rules run first (vn.pcmt.engine.FormRules); a field
   * they refused is not reported again.
   */
  @Transactional(readOnly = true)
  public Map<Long, ReportFigure> checkFigures(long periodId, List<FigureRow> rows, FormValues problems) {
    Plan plan = period(periodId).getPlan();
    Map<Long, Indicator> indicators = new LinkedHashMap<>();
    plan.getIndicators().forEach(i -> indicators.put(i.getId(), i));
    Map<Long, ReportFigure> figures = new LinkedHashMap<>();
    String field = AgencyReportProcess.INDICATOR_FIGURES.name();
    for (int i = 0; i < rows.size(); i++) {
      FigureRow row = rows.get(i);
      Indicator indicator = row.indicatorId() == null ? null : indicators.get(row.indicatorId());
      if (indicator == null) {
        problems.add(field + "[" + i + "]", "Chỉ tiêu '" + row.name() + "' không thuộc kế hoạch này.");
      } else if (figures.containsKey(indicator.getId())) {
        problems.add(field + "[" + i + "]", "Chỉ tiêu '" + indicator.getName() + "' được nhập hai lần.");
      } else {
        figures.put(indicator.getId(), ReportFigures.read(indicator, row, field + "[" + i + "]", problems));
      }
    }
    indicators.keySet().stream().filter(id -> !figures.containsKey(id))
        .forEach(id -> problems.add(field, "Thiếu kết quả của chỉ tiêu '" + indicators.get(id).getName() + "'."));
    figures.values().removeIf(java.util.Objects::isNull);
    return figures;
  }

  /** The head approved: the report reaches the secretariat and counts as delivered. */
  @Transactional
  public void submit(long periodId, String agency, String narrative, List<FigureRow> rows) {
    FormValues problems = new FormValues();
    Map<Long, ReportFigure> figures = checkFigures(periodId, rows, problems);
    problems.throwIfInvalid();
    ReportingPeriod period = period(periodId);
    long planId = period.getPlan().getId();
    AgencyReport report = reports.findByPeriodIdAndAgencyCode(periodId, agency)
        .orElseGet(() -> new AgencyReport(planId, periodId, agency));
    report.submit(narrative == null ? "" : narrative.trim(), figures, deadlines.now().toInstant());
    reports.save(report);
    obligations.delivered(planId, agency, ObligationKind.REPORT, periodId);
  }

  /**
   * Every agency's figures and each indicator consolidated by its kind, with whether its target is met, from the
   * reports received.
   */
  @Transactional(readOnly = true)
  public Consolidation consolidate(long periodId) {
    ReportingPeriod period = period(periodId);
    Plan plan = period.getPlan();
    List<AgencyReport> received = reports.findByPeriodIdOrderByAgencyCode(periodId);
    Map<String, Obligation> owed = new LinkedHashMap<>();
    obligations.ofPlan(plan.getId()).stream()
        .filter(o -> o.getKind() == ObligationKind.REPORT && periodId == o.getPeriodId())
        .forEach(o -> owed.put(o.getAgencyCode(), o));
    List<AgencyFigureRow> figures = new ArrayList<>();
    List<IndicatorTotalRow> totals = new ArrayList<>();
    int late = 0;
    for (AgencyReport report : received) {
      Obligation obligation = owed.get(report.getAgencyCode());
      boolean onTime = obligation == null || !report.getSubmittedAt().isAfter(obligation.getDueAt());
      late += onTime ? 0 : 1;
      String agencyName = name(report.getAgencyCode());
      for (Indicator indicator : plan.getIndicators()) {
        ReportFigure figure = report.getFigures().get(indicator.getId());
        figures.add(new AgencyFigureRow(agencyName, indicator.getName(), indicator.getUnit(),
            figure == null ? null : figure.getValue(), figure == null ? null : figure.getNumerator(),
            figure == null ? null : figure.getDenominator(), figure == null ? null : figure.getMet(),
            IndicatorConsolidation.result(indicator, figure), onTime ? "Đúng hạn" : "Trễ hạn"));
      }
    }
    for (Indicator indicator : plan.getIndicators()) {
      totals.add(IndicatorConsolidation.total(indicator,
          received.stream().map(r -> r.getFigures().get(indicator.getId())).toList(), owed.size()));
    }
    List<String> missing = owed.keySet().stream()
        .filter(code -> received.stream().noneMatch(r -> r.getAgencyCode().equals(code)))
        .map(this::name).toList();
    String status = "Đã nhận " + received.size() + "/" + owed.size() + " báo cáo (" + (received.size() - late)
        + " đúng hạn, " + late + " trễ hạn)." + (missing.isEmpty() ? ""
        : " Chưa báo cáo: " + String.join(", ", missing) + ".");
    return new Consolidation(figures, totals, status);
  }

  /**
   * Leadership signed: the consolidated report is recorded as sent to the plan's recipients, with the indicators'
   * figures leadership saw ({@code totals}; consolidated afresh when there are none, as for a period prepared before
   * indicators had kinds).
   */
  @Transactional
  public ConsolidatedReport send(long periodId, String summary, String signedBy, List<IndicatorTotalRow> totals) {
    ReportingPeriod period = period(periodId);
    Plan plan = period.getPlan();
    Optional<ConsolidatedReport> existing = consolidated.findByPeriodId(periodId);
    if (existing.isPresent()) {
      return existing.get();
    }
    List<IndicatorTotalRow> signed = totals == null || totals.stream().anyMatch(t -> t.indicatorId() == null)
        ? consolidate(periodId).totals() : totals;
    return consolidated.save(new ConsolidatedReport(plan.getId(), periodId, summary, signedBy,
        deadlines.now().toInstant(), String.join("\n", plan.getRecipients()),
        signed.stream().map(ConsolidatedFigure::of).toList()));
  }

  private String name(String code) {
    return directory.find(code).map(Agency::getName).orElse(code);
  }

  public record OpenedPeriod(String label, Date dueAt, Date opensAt, Date cutoff) {
  }

  public record Consolidation(List<AgencyFigureRow> figures, List<IndicatorTotalRow> totals, String status) {
  }
}
