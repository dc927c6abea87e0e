package vn.pcmt.plan;

public class PlanNotFoundException extends RuntimeException {

  public PlanNotFoundException(long planId) {
    super("Không tìm thấy kế hoạch có mã " + planId + ".");
  }
}
