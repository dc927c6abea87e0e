package vn.pcmt.calendar;

/**
 * What a relative deadline counts from ("15 ngày kể từ ngày ban hành"). The Vietnamese name is what a refusal tells
 * the official is missing.
 */
public enum DeadlineEvent {
  /** "kể từ ngày ban hành (kế hoạch)", "kể từ ngày ký": the plan's issue date. */
  ISSUE("ngày ban hành kế hoạch"),
  /** "kể từ ngày nhận được kế hoạch": the day the agency received it (the day its task was created). */
  RECEIPT("ngày nhận được kế hoạch"),
  /** "sau khi kết thúc Tháng hành động", "kết thúc đợt cao điểm": the last day of the plan's campaign. */
  CAMPAIGN_END("ngày kết thúc đợt (tháng hành động)"),
  /** "kể từ ngày kết thúc kỳ báo cáo": the period's last day, known from the period. */
  PERIOD_END("ngày kết thúc kỳ báo cáo"),
  /** "kể từ ngày chốt số liệu": the period's data cut-off under the reporting regime. */
  DATA_CUT_OFF("ngày chốt số liệu");

  private final String label;

  DeadlineEvent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
