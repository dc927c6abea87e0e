package vn.pcmt.agency;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import vn.pcmt.agency.DirectoryFile.At;
import vn.pcmt.agency.DirectoryFile.Entry;
import vn.pcmt.agency.DirectoryFile.KindEntry;

/**
 * One change an import makes to the directory, as the dry run shows it: what (a new agency, one that ends, a new name,
 * a new parent, successor links...), to which code, the value before and after, and a sentence for the official.
 */
public record DirectoryChange(Type type, String code, String name, String before, String after, String message) {

  public enum Type {
    /** A kind of body the directory did not know. */
    KIND_NEW,
    /** A kind's label changed. */
    KIND_RELABELED,
    NEW,
    /** The agency gets an end date: merged, dissolved. */
    ENDED,
    /** The end date is removed. */
    REOPENED,
    /** Its start date, or an end date it already had, changes. */
    VALIDITY,
    RENAMED,
    /** Another parent in the tree. */
    MOVED,
    KIND_CHANGED,
    /** The agencies whose duties it takes over (its predecessors) change. */
    SUCCESSORS,
    ROLES,
    EMAIL
  }

  private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** What the file changes in the directory, kinds first, then agencies in the file's order. */
  static List<DirectoryChange> between(Map<String, AgencyKind> kinds, Map<String, Agency> agencies,
      DirectoryFile.Read file) {
    List<DirectoryChange> changes = new ArrayList<>();
    for (At<KindEntry> at : file.kinds()) {
      KindEntry kind = at.value();
      AgencyKind existing = kinds.get(kind.code());
      if (existing == null) {
        changes.add(new DirectoryChange(Type.KIND_NEW, kind.code(), kind.label(), null, kind.label(),
            "Loại cơ quan mới: " + kind.code() + " – " + kind.label() + "."));
      } else if (!existing.label().equals(kind.label())) {
        changes.add(new DirectoryChange(Type.KIND_RELABELED, kind.code(), kind.label(), existing.label(),
            kind.label(), "Loại cơ quan " + kind.code() + " đổi tên: " + existing.label() + " → " + kind.label() + "."));
      }
    }
    for (At<Entry> at : file.agencies()) {
      Entry entry = at.value();
      Agency agency = agencies.get(entry.code());
      if (agency == null) {
        changes.add(change(Type.NEW, entry, null, entry.name(), "Cơ quan mới: " + entry.name() + " (" + entry.code()
            + "), loại " + entry.kind() + (entry.parent() == null ? "" : ", trực thuộc " + entry.parent())
            + (entry.validFrom() == null ? "" : ", hoạt động từ ngày " + date(entry.validFrom())) + "."));
        if (!entry.predecessorsOrEmpty().isEmpty()) {
          changes.add(successors(entry, List.of()));
        }
        continue;
      }
      compare(agency, entry, changes);
    }
    return changes;
  }

  private static void compare(Agency agency, Entry entry, List<DirectoryChange> changes) {
    String label = entry.name() + " (" + entry.code() + ")";
    if (agency.getValidTo() == null && entry.validTo() != null) {
      changes.add(change(Type.ENDED, entry, null, date(entry.validTo()), label + " kết thúc hoạt động sau ngày "
          + date(entry.validTo()) + "."));
    } else if (agency.getValidTo() != null && entry.validTo() == null) {
      changes.add(change(Type.REOPENED, entry, date(agency.getValidTo()), null, label + " không còn ngày kết thúc ("
          + "trước đây: " + date(agency.getValidTo()) + ")."));
    } else if (!Objects.equals(agency.getValidTo(), entry.validTo())) {
      changes.add(change(Type.VALIDITY, entry, date(agency.getValidTo()), date(entry.validTo()), label
          + " đổi ngày kết thúc hoạt động: " + date(agency.getValidTo()) + " → " + date(entry.validTo()) + "."));
    }
    if (!Objects.equals(agency.getValidFrom(), entry.validFrom())) {
      changes.add(change(Type.VALIDITY, entry, date(agency.getValidFrom()), date(entry.validFrom()), label
          + " đổi ngày bắt đầu hoạt động: " + orNone(date(agency.getValidFrom())) + " → "
          + orNone(date(entry.validFrom())) + "."));
    }
    if (!Objects.equals(agency.getName(), entry.name())) {
      changes.add(change(Type.RENAMED, entry, agency.getName(), entry.name(), entry.code() + " đổi tên: "
          + agency.getName() + " → " + entry.name() + "."));
    }
    if (!Objects.equals(agency.getParentCode(), entry.parent())) {
      changes.add(change(Type.MOVED, entry, agency.getParentCode(), entry.parent(), label + " chuyển cấp trên: "
          + orNone(agency.getParentCode()) + " → " + orNone(entry.parent()) + "."));
    }
    if (!Objects.equals(agency.getKind(), entry.kind())) {
      changes.add(change(Type.KIND_CHANGED, entry, agency.getKind(), entry.kind(), label + " đổi loại cơ quan: "
          + agency.getKind() + " → " + entry.kind() + ". Nhiệm vụ giao theo loại cơ quan sẽ tính theo loại mới."));
    }
    if (!agency.getPredecessors().equals(entry.predecessorsOrEmpty())) {
      changes.add(successors(entry, agency.getPredecessors()));
    }
    String rolesBefore = roles(agency.getRoles());
    String rolesAfter = roles(entry.rolesOrEmpty());
    if (!rolesBefore.equals(rolesAfter)) {
      changes.add(change(Type.ROLES, entry, rolesBefore, rolesAfter, label + " đổi vai trò: " + orNone(rolesBefore)
          + " → " + orNone(rolesAfter) + "."));
    }
    if (!Objects.equals(agency.getEmail(), entry.email())) {
      changes.add(change(Type.EMAIL, entry, agency.getEmail(), entry.email(), label + " đổi địa chỉ thư: "
          + orNone(agency.getEmail()) + " → " + orNone(entry.email()) + "."));
    }
  }

  private static DirectoryChange successors(Entry entry, List<String> before) {
    String after = String.join(", ", entry.predecessorsOrEmpty());
    return change(Type.SUCCESSORS, entry, String.join(", ", before), after, entry.name() + " (" + entry.code() + ")"
        + (after.isEmpty() ? " không còn tiếp nhận nhiệm vụ của cơ quan nào."
            : " tiếp nhận nhiệm vụ của: " + after + (before.isEmpty() ? "." : " (trước đây: " + String.join(", ",
                before) + ").")));
  }

  private static DirectoryChange change(Type type, Entry entry, String before, String after, String message) {
    return new DirectoryChange(type, entry.code(), entry.name(), before, after, message);
  }

  private static String roles(java.util.Set<AgencyRole> roles) {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
  }

  private static String date(LocalDate date) {
    return date == null ? null : VN_DATE.format(date);
  }

  private static String orNone(String text) {
    return text == null || text.isEmpty() ? "(không)" : text;
  }
}
