package vn.pcmt.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The directory file (src/main/resources/directory/*.yaml) as written by the people who keep it. */
record DirectoryFile(String province, List<Entry> agencies) {

  record Entry(String code, String name, AgencyKind kind, String parent, Set<AgencyRole> roles, String email,
      LocalDate validFrom, LocalDate validTo, List<String> predecessors) {

    Set<AgencyRole> rolesOrEmpty() {
      return roles == null ? Set.of() : roles;
    }

    List<String> predecessorsOrEmpty() {
      return predecessors == null ? List.of() : predecessors;
    }
  }
}
