package vn.pcmt.processowner.migration;

/** A run refused because the dry run found instances that cannot move: nothing was moved (409, with the report). */
class MigrationRefusedException extends RuntimeException {

  private final MigrationReport report;

  MigrationRefusedException(MigrationReport report) {
    super("Không chuyển phiên bản nào: " + report.blocked() + " trong " + report.instances()
        + " phiên bản đang chạy không chuyển được sang phiên bản mới. Xem báo cáo, sửa sơ đồ hoặc tệp ánh xạ,"
        + " chạy thử lại.");
    this.report = report;
  }

  MigrationReport report() {
    return report;
  }
}
