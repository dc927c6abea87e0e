package vn.pcmt.agency;

/** A standing function an agency holds in the province, independent of any one plan. */
public enum AgencyRole {
  /** Issues plans; its head group is the leadership (Chủ tịch, Phó Chủ tịch) that approves and signs. */
  ISSUER,
  /** The standing agency's secretariat (Phòng Tham mưu, Công an tỉnh): registers, reviews, consolidates. */
  SECRETARIAT,
  /** Home Affairs (Sở Nội vụ): appraises commendation proposals. */
  HOME_AFFAIRS
}
