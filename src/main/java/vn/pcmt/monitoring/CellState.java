package vn.pcmt.monitoring;

/**
 * The state of one agency's step in the monitor, with the colour convention of the page and the export. The order is
 * the severity, worst first: rows and cells sort by it.
 */
public enum CellState {
  /** A failed job (incident) in the agency's process: the step is stuck whatever the agency does. */
  INCIDENT("Lỗi hệ thống", "purple"),
  /** Not delivered and past its due moment; days late in working days. */
  OVERDUE("Quá hạn", "red"),
  /** Not due yet, but nothing has happened for N working days. */
  STALLED("Đình trệ", "yellow"),
  /** Open and not yet due. */
  IN_PROGRESS("Đang thực hiện", "blue"),
  /** Delivered after its due moment. */
  DONE_LATE("Hoàn thành trễ hạn", "orange"),
  /** Delivered by its due moment. */
  DONE_ON_TIME("Hoàn thành đúng hạn", "green"),
  /** The step has not reached the agency yet (period not opened, no obligation). */
  NOT_STARTED("Chưa bắt đầu", "grey");

  private final String label;
  private final String colour;

  CellState(String label, String colour) {
    this.label = label;
    this.colour = colour;
  }

  public String label() {
    return label;
  }

  public String colour() {
    return colour;
  }

  /** Still the agency's to do (a reminder makes sense). */
  public boolean isOpen() {
    return this == INCIDENT || this == OVERDUE || this == STALLED || this == IN_PROGRESS;
  }
}
