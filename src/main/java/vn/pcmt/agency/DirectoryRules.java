package vn.pcmt.agency;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.pcmt.agency.DirectoryFile.At;
import vn.pcmt.agency.DirectoryFile.Entry;
import vn.pcmt.agency.DirectoryFile.KindEntry;

/**
 * What a directory file must be to route tasks rightly, alone and against the directory it replaces: codes that
 * stay group ids, known kinds and parents, a tree without cycles, successor links to agencies that exist, one holder
 * of each standing role on any date, and no agency lost (codes are never deleted or renamed: tasks and plans use them).
 */
final class DirectoryRules {

  /** Letters and digits, the engine's group id pattern; the head group adds "LD". */
  static final String CODE_PATTERN = "[A-Z0-9]{1,30}";
  /** The head group is named "Lãnh đạo " + name, within the engine's 255 characters. */
  static final int NAME_MAX = 200;
  static final int EMAIL_MAX = 255;
  static final int PREDECESSORS_MAX = 1000;
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
  private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String CURRENT = "danh bạ hiện tại";

  private final List<DirectoryProblem> problems = new ArrayList<>();

  private DirectoryRules() {
  }

  /**
   * Every problem of the file, against the agencies now in the directory (by code); empty when it may be imported.
   * The directory after the import is the file's agencies plus the ended ones the file leaves out.
   */
  static List<DirectoryProblem> check(DirectoryFile.Read file, Map<String, Agency> current) {
    DirectoryRules rules = new DirectoryRules();
    rules.problems.addAll(file.problems());
    Set<String> kinds = rules.kinds(file.kinds());
    Map<String, At<Entry>> entries = rules.entries(file.agencies(), kinds);
    Map<String, At<Entry>> after = new LinkedHashMap<>(entries);
    // an entry that could not be read is reported as such, not as an agency the file leaves out
    Set<String> unread = new HashSet<>();
    file.problems().stream().map(DirectoryProblem::code).filter(java.util.Objects::nonNull).forEach(unread::add);
    rules.missing(entries, unread, current, after);
    rules.references(after);
    rules.cycles(after);
    rules.roles(after);
    return rules.problems;
  }

  private void add(String where, String code, String message) {
    problems.add(new DirectoryProblem(where, code, message));
  }

  private Set<String> kinds(List<At<KindEntry>> declared) {
    Set<String> codes = new HashSet<>();
    if (declared.isEmpty()) {
      add(null, null, "Tệp chưa khai báo loại cơ quan nào: mục 'kinds' của tệp YAML, trang '"
          + DirectorySpreadsheet.KINDS_SHEET + "' của bảng tính (mã loại và tên loại, ví dụ STEERING_COMMITTEE – Ban "
          + "Chỉ đạo).");
    }
    for (At<KindEntry> at : declared) {
      KindEntry kind = at.value();
      if (kind.code() == null || !kind.code().matches(AgencyKind.CODE_PATTERN)) {
        add(at.where(), kind.code(), "Mã loại cơ quan '" + nullToEmpty(kind.code()) + "' không hợp lệ: chữ in hoa "
            + "không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, tối đa 32 ký tự (ví dụ STEERING_COMMITTEE).");
      } else if (!codes.add(kind.code())) {
        add(at.where(), kind.code(), "Loại cơ quan '" + kind.code() + "' khai báo hai lần.");
      }
      if (kind.label() == null || kind.label().isBlank()) {
        add(at.where(), kind.code(), "Loại cơ quan '" + nullToEmpty(kind.code()) + "' chưa có tên (ví dụ: Ban Chỉ đạo).");
      } else if (kind.label().length() > AgencyKind.LABEL_MAX) {
        add(at.where(), kind.code(), "Tên loại cơ quan dài quá " + AgencyKind.LABEL_MAX + " ký tự.");
      }
    }
    return codes;
  }

  /** Each entry alone: code, name, kind, dates. Returns the entries by code (the first of a duplicated code). */
  private Map<String, At<Entry>> entries(List<At<Entry>> agencies, Set<String> kinds) {
    Map<String, At<Entry>> byCode = new LinkedHashMap<>();
    if (agencies.isEmpty()) {
      add(null, null, "Tệp không có cơ quan nào.");
    }
    for (At<Entry> at : agencies) {
      Entry entry = at.value();
      String code = entry.code();
      if (code == null || !code.matches(CODE_PATTERN)) {
        add(at.where(), code, "Mã cơ quan '" + nullToEmpty(code) + "' không hợp lệ: chỉ chữ in hoa không dấu và chữ "
            + "số, tối đa 30 ký tự (ví dụ SYT, BCD138).");
        continue;
      }
      if (code.endsWith(AgencyGroups.HEAD_SUFFIX)) {
        add(at.where(), code, "Mã cơ quan '" + code + "' không được kết thúc bằng '" + AgencyGroups.HEAD_SUFFIX
            + "' (dành cho nhóm lãnh đạo: " + code + " sẽ trùng với nhóm lãnh đạo của "
            + code.substring(0, code.length() - 2) + ").");
      }
      if (byCode.putIfAbsent(code, at) != null) {
        add(at.where(), code, "Mã cơ quan '" + code + "' có hai lần (lần đầu ở " + byCode.get(code).where() + ").");
      }
      if (entry.name() == null || entry.name().isBlank()) {
        add(at.where(), code, "Chưa có tên cơ quan.");
      } else if (entry.name().length() > NAME_MAX) {
        add(at.where(), code, "Tên cơ quan dài quá " + NAME_MAX + " ký tự.");
      }
      if (entry.kind() == null || entry.kind().isBlank()) {
        add(at.where(), code, "Chưa có loại cơ quan (kind).");
      } else if (!kinds.contains(entry.kind())) {
        add(at.where(), code, "Loại cơ quan '" + entry.kind() + "' chưa được khai báo trong tệp. Các loại đã khai "
            + "báo: " + String.join(", ", kinds.stream().sorted().toList()) + ".");
      }
      if (entry.email() != null && (entry.email().length() > EMAIL_MAX || !entry.email().matches("[^@\\s]+@[^@\\s]+"))) {
        add(at.where(), code, "Địa chỉ thư '" + entry.email() + "' không hợp lệ.");
      }
      date(at, entry.validFrom(), "bắt đầu hoạt động");
      date(at, entry.validTo(), "kết thúc hoạt động");
      if (entry.validFrom() != null && entry.validTo() != null && entry.validTo().isBefore(entry.validFrom())) {
        add(at.where(), code, "Ngày kết thúc hoạt động (" + VN_DATE.format(entry.validTo())
            + ") trước ngày bắt đầu hoạt động (" + VN_DATE.format(entry.validFrom()) + ").");
      }
      if (String.join(",", entry.predecessorsOrEmpty()).length() > PREDECESSORS_MAX) {
        add(at.where(), code, "Danh sách tiền thân dài quá " + PREDECESSORS_MAX + " ký tự.");
      }
    }
    return byCode;
  }

  private void date(At<Entry> at, LocalDate date, String what) {
    if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
      add(at.where(), at.value().code(), "Ngày " + what + " " + VN_DATE.format(date) + " nằm ngoài khoảng cho phép (từ "
          + VN_DATE.format(EARLIEST) + " đến " + VN_DATE.format(LATEST) + ").");
    }
  }

  /**
   * Agencies of the directory the file leaves out: an ended one stays as it is; one still active is an error (was it
   * dissolved? then it gets its end date; was its code changed? codes never change).
   */
  private void missing(Map<String, At<Entry>> entries, Set<String> unread, Map<String, Agency> current,
      Map<String, At<Entry>> after) {
    Map<String, String> newCodesByName = new HashMap<>();
    entries.values().stream().filter(at -> !current.containsKey(at.value().code()) && at.value().name() != null)
        .forEach(at -> newCodesByName.putIfAbsent(normal(at.value().name()), at.value().code()));
    for (Agency agency : current.values()) {
      if (entries.containsKey(agency.getCode()) || unread.contains(agency.getCode())) {
        continue;
      }
      if (agency.getValidTo() != null) {
        after.put(agency.getCode(), new At<>(CURRENT, Entry.of(agency)));
        continue;
      }
      String renamedTo = newCodesByName.get(normal(agency.getName()));
      if (renamedTo != null) {
        add(CURRENT, agency.getCode(), "Mã cơ quan không được đổi: '" + agency.getCode() + "' (" + agency.getName()
            + ") không còn trong tệp, còn mã mới '" + renamedTo + "' cùng tên. Giữ mã '" + agency.getCode()
            + "'; nếu là cơ quan mới thay thế cơ quan cũ, ghi ngày kết thúc cho '" + agency.getCode()
            + "' và ghi '" + agency.getCode() + "' là tiền thân (predecessors) của '" + renamedTo + "'.");
      } else {
        add(CURRENT, agency.getCode(), "Cơ quan '" + agency.getCode() + "' (" + agency.getName() + ") đang có trong"
            + " danh bạ nhưng không có trong tệp. Mã cơ quan không bao giờ bị xóa (các kế hoạch, nhiệm vụ đang dùng):"
            + " giữ dòng này; nếu cơ quan đã giải thể, sáp nhập thì ghi ngày kết thúc hoạt động (validTo).");
      }
    }
  }

  /** Parents and predecessors name agencies of the directory, not the agency itself. */
  private void references(Map<String, At<Entry>> after) {
    for (At<Entry> at : after.values()) {
      Entry entry = at.value();
      if (entry.parent() != null && entry.parent().equals(entry.code())) {
        add(at.where(), entry.code(), "Cơ quan không thể là cấp trên của chính nó.");
      } else if (entry.parent() != null && !after.containsKey(entry.parent())) {
        add(at.where(), entry.code(), "Không có cơ quan cấp trên '" + entry.parent() + "' trong danh bạ.");
      }
      Set<String> seen = new HashSet<>();
      for (String predecessor : entry.predecessorsOrEmpty()) {
        if (predecessor.equals(entry.code())) {
          add(at.where(), entry.code(), "Cơ quan không thể là tiền thân của chính nó.");
        } else if (!after.containsKey(predecessor)) {
          add(at.where(), entry.code(), "Không có cơ quan tiền thân '" + predecessor + "' trong danh bạ.");
        } else if (!seen.add(predecessor)) {
          add(at.where(), entry.code(), "Cơ quan tiền thân '" + predecessor + "' ghi hai lần.");
        }
      }
    }
  }

  /** The parents form a tree: following them upwards never comes back. Each cycle is reported once. */
  private void cycles(Map<String, At<Entry>> after) {
    Set<String> reported = new HashSet<>();
    for (String start : after.keySet()) {
      List<String> path = new ArrayList<>();
      Set<String> onPath = new LinkedHashSet<>();
      String code = start;
      while (code != null && after.containsKey(code) && onPath.add(code)) {
        path.add(code);
        code = after.get(code).value().parent();
      }
      if (code != null && onPath.contains(code) && !code.equals(after.get(code).value().parent())) {
        List<String> cycle = path.subList(path.indexOf(code), path.size());
        if (cycle.stream().noneMatch(reported::contains)) {
          reported.addAll(cycle);
          At<Entry> first = after.get(cycle.get(0));
          add(first.where(), first.value().code(), "Cấp trên tạo thành vòng lặp: " + String.join(" → ", cycle) + " → "
              + cycle.get(0) + ". Danh bạ là một cây: đi lên theo cấp trên phải dừng ở cơ quan gốc.");
        }
      }
    }
  }

  /**
   * Plans are issued, consolidated and appraised by the holder of a role: on any date from the first holder's first
   * day there is exactly one (no two at once, no day without), the last one without an end.
   */
  private void roles(Map<String, At<Entry>> after) {
    for (AgencyRole role : AgencyRole.values()) {
      List<At<Entry>> holders = after.values().stream().filter(at -> at.value().rolesOrEmpty().contains(role))
          .sorted(Comparator.comparing((At<Entry> at) -> at.value().validFrom() == null ? LocalDate.MIN
              : at.value().validFrom()).thenComparing(at -> at.value().code()))
          .toList();
      if (holders.isEmpty()) {
        add(null, null, "Không cơ quan nào giữ vai trò " + role + " (" + describe(role) + ").");
        continue;
      }
      for (int i = 1; i < holders.size(); i++) {
        Entry previous = holders.get(i - 1).value();
        Entry next = holders.get(i).value();
        At<Entry> at = holders.get(i);
        LocalDate start = next.validFrom() == null ? LocalDate.MIN : next.validFrom();
        if (previous.validTo() == null || !previous.validTo().isBefore(start)) {
          add(at.where(), next.code(), "Hai cơ quan cùng giữ vai trò " + role + " (" + describe(role) + "): '"
              + previous.code() + "' và '" + next.code() + "'" + since(previous, next) + ". Mỗi ngày chỉ một cơ quan"
              + " giữ vai trò này: ghi ngày kết thúc cho cơ quan cũ.");
        } else if (previous.validTo().plusDays(1).isBefore(start)) {
          add(at.where(), next.code(), "Không cơ quan nào giữ vai trò " + role + " (" + describe(role) + ") từ ngày "
              + VN_DATE.format(previous.validTo().plusDays(1)) + " đến ngày " + VN_DATE.format(start.minusDays(1))
              + " (giữa '" + previous.code() + "' và '" + next.code() + "').");
        }
      }
      Entry last = holders.get(holders.size() - 1).value();
      if (last.validTo() != null) {
        add(holders.get(holders.size() - 1).where(), last.code(), "Không cơ quan nào giữ vai trò " + role + " ("
            + describe(role) + ") sau ngày " + VN_DATE.format(last.validTo()) + ".");
      }
    }
  }

  private static String since(Entry previous, Entry next) {
    LocalDate from = next.validFrom() == null ? previous.validFrom() : next.validFrom();
    return from == null ? "" : " từ ngày " + VN_DATE.format(from);
  }

  static String describe(AgencyRole role) {
    return switch (role) {
      case ISSUER -> "cơ quan ban hành kế hoạch, thường là UBND";
      case SECRETARIAT -> "cơ quan thường trực";
      case HOME_AFFAIRS -> "cơ quan thẩm định khen thưởng, Sở Nội vụ";
    };
  }

  static String normal(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
