package vn.pcmt.agency;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What kind of body an agency is ("Sở, ban, ngành", "Ban Chỉ đạo"); a collective assignment names a kind. Kinds are
 * data: the directory file declares them (code and Vietnamese label), so a new kind needs no code change. A kind is
 * never deleted: plans may name it.
 */
@Entity
@Table(name = "agency_kind")
public class AgencyKind {

  /** Upper-case letters, digits and underscores, starting with a letter (DEPARTMENT, STEERING_COMMITTEE). */
  static final String CODE_PATTERN = "[A-Z][A-Z0-9_]{0,31}";
  static final int LABEL_MAX = 255;

  @Id
  private String code;
  private String label;

  protected AgencyKind() {
  }

  AgencyKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** How officials name the kind: "Sở, ban, ngành". */
  public String label() {
    return label;
  }

  void relabel(String label) {
    this.label = label;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AgencyKind kind && code.equals(kind.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }
}
