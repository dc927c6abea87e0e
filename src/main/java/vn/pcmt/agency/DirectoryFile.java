package vn.pcmt.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The directory as written by the people who keep it (src/main/resources/directory/*.yaml, or the spreadsheet with
 * the same columns): the kinds of body it uses, then the agencies.
 */
record DirectoryFile(String province, List<KindEntry> kinds, List<Entry> agencies) {

  /** A kind of body: code (STEERING_COMMITTEE) and the label officials read (Ban Chỉ đạo). */
  record KindEntry(String code, String label) {
  }

  /** One agency; {@code kind} is the code of a kind the file declares. */
  record Entry(String code, String name, String kind, String parent, Set<AgencyRole> roles, String email,
      LocalDate validFrom, LocalDate validTo, List<String> predecessors) {

    Set<AgencyRole> rolesOrEmpty() {
      return roles == null ? Set.of() : roles;
    }

    List<String> predecessorsOrEmpty() {
      return predecessors == null ? List.of() : predecessors;
    }

    boolean isValidOn(LocalDate date) {
      return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    /** The entry an agency already in the directory amounts to. */
    static Entry of(Agency agency) {
      return new Entry(agency.getCode(), agency.getName(), agency.getKind(), agency.getParentCode(),
          agency.getRoles(), agency.getEmail(), agency.getValidFrom(), agency.getValidTo(), agency.getPredecessors());
    }
  }

  /** Something read from a place in the file: "dòng 12" of the YAML, "Cơ quan, dòng 5" of the spreadsheet. */
  record At<T>(String where, T value) {
  }

  /**
   * A file as read, before any rule: what could be read, where each entry was, and what could not be read (a date
   * that is no date, an unknown column); the rules add their own problems to these.
   */
  record Read(String fileName, String sha256, String province, List<At<KindEntry>> kinds, List<At<Entry>> agencies,
      List<DirectoryProblem> problems) {
  }
}
