package vn.pcmt.plan;

/** Whom an assignment addresses: one agency, every agency of a kind, or every agency under a parent. */
public enum TargetType {
  AGENCY,
  KIND,
  CHILDREN_OF
}
