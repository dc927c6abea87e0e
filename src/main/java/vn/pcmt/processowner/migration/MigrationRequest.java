package vn.pcmt.processowner.migration;

import java.util.List;

/**
 * Which running instances to move, as a process owner picks them: the instances of {@code processKey} that belong to
 * the plans numbered {@code planNumbers} (their business key), or all instances of version {@code sourceVersion}, or
 * both (the instances of those plans on that version). They move to {@code targetVersion}, by default the newest.
 */
record MigrationRequest(String processKey, List<String> planNumbers, Integer sourceVersion, Integer targetVersion) {

  List<String> plans() {
    return planNumbers == null ? List.of()
        : planNumbers.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).distinct().toList();
  }

  /** What was picked, in words, for the record of runs. */
  String describe() {
    StringBuilder text = new StringBuilder(processKey);
    if (!plans().isEmpty()) {
      text.append(" của kế hoạch ").append(String.join(", ", plans()));
    }
    if (sourceVersion != null) {
      text.append(plans().isEmpty() ? " tất cả phiên bản v" : ", phiên bản v").append(sourceVersion);
    }
    return text.toString();
  }
}
