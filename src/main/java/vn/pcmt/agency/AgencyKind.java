package vn.pcmt.agency;

/** What kind of body an agency is; a collective assignment ("các sở, ban, ngành") names a kind. */
public enum AgencyKind {
  PEOPLES_COMMITTEE("Ủy ban nhân dân"),
  POLICE("Công an"),
  POLICE_UNIT("Đơn vị thuộc Công an"),
  DEPARTMENT("Sở, ban, ngành"),
  MILITARY("Lực lượng vũ trang"),
  CUSTOMS("Hải quan"),
  JUDICIAL("Tòa án, Viện kiểm sát"),
  FRONT("Mặt trận Tổ quốc"),
  MASS_ORGANISATION("Tổ chức chính trị - xã hội"),
  PRESS("Cơ quan báo chí"),
  EDUCATION_INSTITUTION("Cơ sở giáo dục"),
  DISTRICT("UBND huyện, thành phố"),
  COMMUNE("UBND xã, phường, thị trấn");

  private final String label;

  AgencyKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
