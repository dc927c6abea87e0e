package vn.pcmt.agency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency directory: imported from the directory file at start-up and maintained by administrators' imports
 * ({@link DirectoryImports}), queried by plans to resolve codes, kinds, roles and collectives. Nothing assumes a
 * number of levels or a fixed list of kinds: a collective expands by kind or by parent.
 */
@Service
public class AgencyDirectory {

  private final AgencyRepository agencies;
  private final AgencyKindRepository kinds;
  private final DirectoryImports imports;

  AgencyDirectory(AgencyRepository agencies, AgencyKindRepository kinds, DirectoryImports imports) {
    this.agencies = agencies;
    this.kinds = kinds;
    this.imports = imports;
  }

  /** Start-up: brings the directory in line with the directory file (see {@link DirectoryImports}); every agency. */
  @Transactional
  public List<Agency> importDirectory() {
    imports.importAtStartup();
    return all();
  }

  /** The agency of the code, whether or not valid today; empty for an unknown code (the demo checks its plan's). */
  public Optional<Agency> find(String code) {
    return code == null ? Optional.empty() : agencies.findById(code);
  }

  /** The codes the directory does not know, in order: a plan written for another directory names them. */
  public List<String> unknown(java.util.Collection<String> codes) {
    return codes.stream().filter(code -> find(code).isEmpty()).distinct().toList();
  }

  /**
   * The agency whose inbox a Camunda group is: the agency itself for its code, the agency it heads for its head
   * group (code + "LD"); empty for any other group (camunda-admin).
   */
  public Optional<Agency> ofGroup(String groupId) {
    if (groupId == null) {
      return Optional.empty();
    }
    Optional<Agency> agency = agencies.findById(groupId);
    if (agency.isEmpty() && groupId.endsWith(AgencyGroups.HEAD_SUFFIX)) {
      return agencies.findById(groupId.substring(0, groupId.length() - AgencyGroups.HEAD_SUFFIX.length()));
    }
    return agency;
  }

  public List<Agency> all() {
    return agencies.findAll(org.springframework.data.domain.Sort.by("code"));
  }

  /** The one agency valid on the date that holds the role (the issuer, the secretariat, Home Affairs). */
  public Optional<Agency> withRole(AgencyRole role, LocalDate on) {
    return agencies.findAll().stream()
        .filter(a -> a.getRoles().contains(role) && a.isValidOn(on))
        .min(Comparator.comparing(Agency::getCode));
  }

  /** Every kind the directory knows, by code. */
  public List<AgencyKind> kinds() {
    return kinds.findAll(org.springframework.data.domain.Sort.by("code"));
  }

  /** The kind of the code (DEPARTMENT, STEERING_COMMITTEE), as the directory file declares it. */
  public Optional<AgencyKind> kind(String code) {
    return code == null || code.isBlank() ? Optional.empty() : kinds.findById(code.trim());
  }

  /** Every agency of the kind valid on the date ("các sở, ban, ngành", "UBND các huyện, thành phố"). */
  public List<Agency> ofKind(AgencyKind kind, LocalDate on) {
    return agencies.findByKind(kind.code()).stream().filter(a -> a.isValidOn(on))
        .sorted(Comparator.comparing(Agency::getCode)).toList();
  }

  /** Every agency directly under the parent valid on the date (every commune of a district). */
  public List<Agency> childrenOf(String parentCode, LocalDate on) {
    return agencies.findByParentCode(parentCode).stream().filter(a -> a.isValidOn(on))
        .sorted(Comparator.comparing(Agency::getCode)).toList();
  }

  /**
   * Who holds an agency's duties on a date: the agency itself while it exists; after it ended (merged, dissolved,
   * the end of the district level), the agencies that name it among their predecessors and exist on that date,
   * following successor links through several reorganisations. Empty when nobody took it over (the directory records
   * no successor), or when the agency does not exist yet.
   */
  public List<String> successorsOn(String code, LocalDate date) {
    Optional<Agency> agency = find(code);
    if (agency.isEmpty() || agency.get().getValidFrom() != null && date.isBefore(agency.get().getValidFrom())) {
      return List.of();
    }
    Set<String> result = new LinkedHashSet<>();
    Set<String> seen = new java.util.HashSet<>();
    java.util.Deque<String> open = new java.util.ArrayDeque<>(List.of(code));
    List<Agency> everyone = all();
    while (!open.isEmpty()) {
      String current = open.poll();
      if (!seen.add(current)) {
        continue;
      }
      Optional<Agency> found = everyone.stream().filter(a -> a.getCode().equals(current)).findFirst();
      if (found.isPresent() && found.get().isValidOn(date)) {
        result.add(current);
        continue;
      }
      everyone.stream().filter(a -> a.getPredecessors().contains(current)).map(Agency::getCode).forEach(open::add);
    }
    return List.copyOf(result);
  }

  /** Codes of the agencies, in order, without duplicates. */
  public static List<String> codes(List<Agency> agencies) {
    return new ArrayList<>(agencies.stream().map(Agency::getCode).collect(Collectors.toCollection(LinkedHashSet::new)));
  }
}
