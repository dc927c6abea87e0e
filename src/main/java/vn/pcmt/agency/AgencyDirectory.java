package vn.pcmt.agency;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The agency directory: imported from the directory file at start-up (idempotently: a re-import changes only what
 * the file changed) and queried by plans to resolve codes, roles and collectives. Nothing assumes a number of levels:
 * a collective expands by kind or by parent.
 */
@Service
public class AgencyDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(AgencyDirectory.class);
  private static final String CODE_PATTERN = "[A-Z0-9]+";

  private final AgencyRepository agencies;
  private final Resource location;

  AgencyDirectory(AgencyRepository agencies, @Value("${pcmt.directory.location}") Resource location) {
    this.agencies = agencies;
    this.location = location;
  }

  /** Reads the directory file and brings the table in line with it. Returns the imported entries. */
  @Transactional
  public List<Agency> importDirectory() {
    DirectoryFile file = read();
    validate(file);
    Map<String, Agency> existing = agencies.findAll().stream()
        .collect(Collectors.toMap(Agency::getCode, Function.identity()));
    int changed = 0;
    List<Agency> imported = new ArrayList<>();
    for (DirectoryFile.Entry entry : file.agencies()) {
      Agency agency = existing.getOrDefault(entry.code(), new Agency(entry.code()));
      boolean isNew = !existing.containsKey(entry.code());
      if (agency.update(entry.name(), entry.kind(), entry.parent(), entry.rolesOrEmpty(), entry.email(),
          entry.validFrom(), entry.validTo(), entry.predecessorsOrEmpty()) || isNew) {
        agencies.save(agency);
        changed++;
      }
      imported.add(agency);
    }
    LOG.info("Agency directory of {}: {} agencies, {} added or changed", file.province(), imported.size(), changed);
    return imported;
  }

  public Optional<Agency> find(String code) {
    return code == null ? Optional.empty() : agencies.findById(code);
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

  /** Every agency of the kind valid on the date ("các sở, ban, ngành", "UBND các huyện, thành phố"). */
  public List<Agency> ofKind(AgencyKind kind, LocalDate on) {
    return agencies.findByKind(kind).stream().filter(a -> a.isValidOn(on))
        .sorted(Comparator.comparing(Agency::getCode)).toList();
  }

  /** Every agency directly under the parent valid on the date (every commune of a district). */
  public List<Agency> childrenOf(String parentCode, LocalDate on) {
    return agencies.findByParentCode(parentCode).stream().filter(a -> a.isValidOn(on))
        .sorted(Comparator.comparing(Agency::getCode)).toList();
  }

  private DirectoryFile read() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = location.getInputStream()) {
      return yaml.readValue(in, DirectoryFile.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the agency directory " + location + ": " + e.getMessage(), e);
    }
  }

  /** Refuses a directory file that would route tasks wrongly; the message names the entry to fix. */
  static void validate(DirectoryFile file) {
    List<String> problems = new ArrayList<>();
    if (file.agencies() == null || file.agencies().isEmpty()) {
      problems.add("the file lists no agencies");
    } else {
      Set<String> codes = new HashSet<>();
      for (DirectoryFile.Entry entry : file.agencies()) {
        if (entry.code() == null || !entry.code().matches(CODE_PATTERN)) {
          problems.add("code '" + entry.code() + "' must be upper-case letters and digits");
        } else if (entry.code().endsWith(AgencyGroups.HEAD_SUFFIX)) {
          problems.add("code '" + entry.code() + "' must not end in " + AgencyGroups.HEAD_SUFFIX
              + " (reserved for head groups)");
        }
        if (!codes.add(entry.code())) {
          problems.add("code '" + entry.code() + "' is listed twice");
        }
        if (entry.name() == null || entry.name().isBlank()) {
          problems.add(entry.code() + ": name is missing");
        }
        if (entry.kind() == null) {
          problems.add(entry.code() + ": kind is missing");
        }
        if (entry.validFrom() != null && entry.validTo() != null && entry.validTo().isBefore(entry.validFrom())) {
          problems.add(entry.code() + ": validTo is before validFrom");
        }
      }
      for (DirectoryFile.Entry entry : file.agencies()) {
        if (entry.parent() != null && !codes.contains(entry.parent())) {
          problems.add(entry.code() + ": unknown parent " + entry.parent());
        }
        for (String predecessor : entry.predecessorsOrEmpty()) {
          if (!codes.contains(predecessor)) {
            problems.add(entry.code() + ": unknown predecessor " + predecessor);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The agency directory is invalid: " + String.join("; ", problems));
    }
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
