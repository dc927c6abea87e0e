package vn.pcmt.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.engine.AsEngine;

/**
 * Who is told that a task landed in an inbox: for each candidate group, the mailbox of the agency the group belongs
 * to (from the directory; a head group belongs to its agency) and every member of the group with an address; for
 * candidate users and the assignee, their own address. Each address once.
 *
 * <p><b>Authorization.</b> The task is created inside the command of whoever caused it, often an official
 * authenticated through Tasklist or the REST API, and the engine filters identity queries by that user's grants: an
 * officer may read only their own user, so the members of another agency's group would silently vanish. The members
 * are therefore read with no user authenticated, exactly as the job executor reads them when it creates tasks: the
 * caller's authentication is set aside for these reads only and restored before anything else runs in the command.
 * This uses public API only ({@code IdentityService}), keeps the engine's authorization switched on for the rest of
 * the command, and reveals nothing to the caller: the addresses go into the outbox, not back to the user.
 */
@Component
class TaskRecipients {

  private final AgencyDirectory directory;
  private final IdentityService identity;

  TaskRecipients(AgencyDirectory directory, IdentityService identity) {
    this.directory = directory;
    this.identity = identity;
  }

  /** One address and why it is told: {@code agency:<code>} or {@code user:<id>}, via the candidate group. */
  record Recipient(String address, String ref, String group) {
  }

  List<Recipient> of(DelegateTask task) {
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    List<String> users = new ArrayList<>();
    asEngine(() -> {
      for (IdentityLink link : task.getCandidates()) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getGroupId() != null) {
          addGroup(byAddress, link.getGroupId());
        } else if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
      }
      if (task.getAssignee() != null) {
        users.add(task.getAssignee());
      }
      for (String userId : users) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user != null) {
          add(byAddress, user.getEmail(), "user:" + user.getId(), null);
        }
      }
      return null;
    });
    return List.copyOf(byAddress.values());
  }

  /** The mailboxes of the groups' agencies and every member of the groups with an address, each address once. */
  List<Recipient> ofGroups(Collection<String> groups) {
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    asEngine(() -> {
      groups.forEach(group -> addGroup(byAddress, group));
      return null;
    });
    return List.copyOf(byAddress.values());
  }

  /**
   * The head groups of the agencies whose inboxes the task is in ({@code SYT} → {@code SYTLD}); a task already in a
   * head group's inbox keeps that group. Groups that are no agency's have no head and are left out.
   */
  List<String> headGroupsOf(DelegateTask task) {
    List<String> heads = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        agencyOf(link.getGroupId()).map(agency -> AgencyGroups.headGroupOf(agency.getCode()))
            .filter(head -> !heads.contains(head)).ifPresent(heads::add);
      }
    }
    return heads;
  }

  private void addGroup(Map<String, Recipient> byAddress, String group) {
    agencyOf(group).ifPresent(agency -> add(byAddress, agency.getEmail(), "agency:" + agency.getCode(), group));
    identity.createUserQuery().memberOfGroup(group).list().stream()
        .sorted(Comparator.comparing(User::getId))
        .forEach(user -> add(byAddress, user.getEmail(), "user:" + user.getId(), group));
  }

  /** The agency whose inbox the first of the task's candidate groups is. */
  Optional<Agency> agencyOf(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> agencyOf(link.getGroupId())).flatMap(Optional::stream).findFirst();
  }

  private Optional<Agency> agencyOf(String group) {
    return directory.ofGroup(group);
  }

  private static void add(Map<String, Recipient> byAddress, String address, String ref, String group) {
    if (address != null && !address.isBlank()) {
      byAddress.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), new Recipient(address.strip(), ref, group));
    }
  }

  /** Runs identity reads as the engine itself (see the class comment), restoring the caller's authentication. */
  private <T> T asEngine(Supplier<T> reads) {
    return AsEngine.call(identity, reads);
  }
}
