package vn.pcmt.agency;

/**
 * How agencies map to Camunda groups. An agency's code is the group of all its users (officers and heads); the head
 * group, code + "LD" (lãnh đạo), holds only its heads. Group ids stay alphanumeric, the engine's default pattern.
 */
public final class AgencyGroups {

  static final String HEAD_SUFFIX = "LD";
  /** Camunda group type of agency groups, shown in Admin. */
  public static final String TYPE_AGENCY = "agency";
  public static final String TYPE_AGENCY_HEADS = "agency-heads";

  private AgencyGroups() {
  }

  public static String headGroupOf(String agencyCode) {
    return agencyCode + HEAD_SUFFIX;
  }
}
