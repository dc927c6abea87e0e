package vn.pcmt.agency;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One body in the directory. Its code is the Camunda candidate group of its officers; {@link AgencyGroups} derives
 * the head group. Agencies are merged and dissolved (2025 reorganisation), so each has a validity period.
 */
@Entity
@Table(name = "agency")
public class Agency {

  @Id
  private String code;
  private String name;
  /** Code of its {@link AgencyKind}, declared in the directory file. */
  private String kind;
  @Column(name = "parent_code")
  private String parentCode;
  /** Comma-separated {@link AgencyRole} names. */
  private String roles;
  private String email;
  private LocalDate validFrom;
  private LocalDate validTo;
  /** Comma-separated codes of the agencies merged into this one. */
  private String predecessors;

  protected Agency() {
  }

  public Agency(String code) {
    this.code = code;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  /** The code of its kind ({@link AgencyDirectory#kind} gives the label). */
  public String getKind() {
    return kind;
  }

  public String getParentCode() {
    return parentCode;
  }

  public String getEmail() {
    return email;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public LocalDate getValidTo() {
    return validTo;
  }

  public Set<AgencyRole> getRoles() {
    if (roles == null || roles.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(roles.split(",")).map(String::trim).map(AgencyRole::valueOf).collect(Collectors.toSet());
  }

  public List<String> getPredecessors() {
    return predecessors == null || predecessors.isBlank() ? List.of() : List.of(predecessors.split(","));
  }

  public boolean isValidOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
  }

  /** Copies the directory entry's data; returns whether anything changed. */
  boolean update(DirectoryFile.Entry entry) {
    return update(entry.name(), entry.kind(), entry.parent(), entry.rolesOrEmpty(), entry.email(), entry.validFrom(),
        entry.validTo(), entry.predecessorsOrEmpty());
  }

  private boolean update(String name, String kind, String parentCode, Set<AgencyRole> roles, String email,
      LocalDate validFrom, LocalDate validTo, List<String> predecessors) {
    String newRoles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    String newPredecessors = String.join(",", predecessors);
    boolean changed = !java.util.Objects.equals(this.name, name) || !java.util.Objects.equals(this.kind, kind)
        || !java.util.Objects.equals(this.parentCode, parentCode) || !java.util.Objects.equals(this.roles, newRoles)
        || !java.util.Objects.equals(this.email, email) || !java.util.Objects.equals(this.validFrom, validFrom)
        || !java.util.Objects.equals(this.validTo, validTo)
        || !java.util.Objects.equals(this.predecessors, newPredecessors);
    this.name = name;
    this.kind = kind;
    this.parentCode = parentCode;
    this.roles = newRoles;
    this.email = email;
    this.validFrom = validFrom;
    this.validTo = validTo;
    this.predecessors = newPredecessors;
    return changed;
  }
}
