package vn.pcmt.monitoring;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Groups;

import vn.pcmt.agency.AgencyGroups;

/**
 * Who looks at the monitor: the authenticated user and the plans that user may see. A plan's secretariat (members of
 * its standing agency's group or head group) and its leadership (the issuer's head group) see it; administrators see
 * every plan. {@link MonitorAccess} decides who gets in at all.
 */
public record Viewer(String userId, List<String> groups) {

  public Viewer {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  public static Viewer administrator(String userId) {
    return new Viewer(userId, List.of(Groups.CAMUNDA_ADMIN));
  }

  public boolean isAdministrator() {
    return groups.contains(Groups.CAMUNDA_ADMIN);
  }

  /** Agencies whose plans this viewer sees as secretariat: its groups, and the agencies of its head groups. */
  Set<String> secretariatOf() {
    Set<String> agencies = new LinkedHashSet<>(groups);
    agencies.addAll(leadershipOf());
    return agencies;
  }

  /** Agencies whose plans this viewer sees as leadership: the agencies of its head groups (UBNDTLD → UBNDT). */
  Set<String> leadershipOf() {
    Set<String> agencies = new LinkedHashSet<>();
    for (String group : groups) {
      String head = AgencyGroups.headGroupOf("");
      if (group.endsWith(head) && group.length() > head.length()) {
        agencies.add(group.substring(0, group.length() - head.length()));
      }
    }
    return agencies;
  }

  /** Whether the viewer sees a plan with this standing (secretariat) agency and issuing agency. */
  public boolean sees(String standingAgency, String issuingAgency) {
    return isAdministrator() || groups.contains(standingAgency)
        || groups.contains(AgencyGroups.headGroupOf(standingAgency))
        || groups.contains(AgencyGroups.headGroupOf(issuingAgency));
  }
}
