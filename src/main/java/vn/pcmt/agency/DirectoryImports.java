package vn.pcmt.agency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.pcmt.agency.DirectoryFile.At;
import vn.pcmt.agency.DirectoryFile.Entry;
import vn.pcmt.agency.DirectoryFile.KindEntry;

/**
 * Brings the directory in line with a directory file: at start-up from the configured file (until administrators
 * maintain it through the API), and on an administrator's import, first as a dry run that lists what would change.
 * A file is applied whole in one transaction, Camunda groups of new agencies included, or refused whole.
 */
@Service
public class DirectoryImports {

  /** A directory of a few thousand units is well under a megabyte; ten leaves room and bounds the work. */
  static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryImports.class);

  enum Source {
    /** The configured file, at start-up. */
    FILE,
    /** An administrator's import through POST /api/directory/imports. */
    API
  }

  /** What an import changes (dry run) or changed. */
  public record Result(boolean dryRun, boolean applied, String fileName, String format, int kinds, int agencies,
      Map<DirectoryChange.Type, Long> counts, List<DirectoryChange> changes) {
  }

  private final AgencyRepository agencies;
  private final AgencyKindRepository kinds;
  private final IdentitySync identity;
  private final NamedParameterJdbcTemplate jdbc;
  private final Resource location;

  DirectoryImports(AgencyRepository agencies, AgencyKindRepository kinds, IdentitySync identity,
      NamedParameterJdbcTemplate jdbc, @Value("${pcmt.directory.location}") Resource location) {
    this.agencies = agencies;
    this.kinds = kinds;
    this.identity = identity;
    this.jdbc = jdbc;
    this.location = location;
  }

  /** Reads a file by its name's ending: YAML (.yaml, .yml) or a workbook (.xlsx). Refuses anything else. */
  static DirectoryFile.Read read(String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
    String sha256 = sha256(content);
    if (content.length > MAX_FILE_BYTES) {
      throw new DirectoryRefusedException("Tệp lớn hơn " + MAX_FILE_BYTES / 1024 / 1024 + " MB: không phải một danh bạ.");
    }
    if (name.endsWith(".xlsx")) {
      return DirectorySpreadsheet.read(fileName, sha256, content);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      try {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        if (text.indexOf('\0') >= 0) {
          throw new CharacterCodingException();
        }
        return DirectoryYaml.read(fileName, sha256, text);
      } catch (CharacterCodingException e) {
        throw new DirectoryRefusedException("Tệp '" + fileName + "' không phải văn bản YAML (UTF-8): không đọc được.");
      }
    }
    throw new DirectoryRefusedException("Tệp '" + (fileName == null ? "" : fileName) + "' không nhận được: danh bạ là"
        + " tệp YAML (.yaml, .yml) hoặc bảng tính Excel (.xlsx).");
  }

  /** What the file would change; nothing is written. */
  @Transactional(readOnly = true)
  public Result dryRun(DirectoryFile.Read file) {
    return result(file, plan(file), true);
  }

  /** Applies the file: kinds, agencies and their Camunda groups, and a line in the import history. */
  @Transactional
  public Result apply(DirectoryFile.Read file, String importedBy) {
    List<DirectoryChange> changes = plan(file);
    write(file);
    record(Source.API, file, importedBy, changes);
    identity.sync(agencies.findAll());
    LOG.info("Agency directory imported by {} from {}: {}", importedBy, file.fileName(), summary(changes));
    return result(file, changes, false);
  }

  /**
   * Start-up: the configured file, read and checked; a file that breaks a rule stops the start with every problem.
   * Once administrators maintain the directory through the API, the file is no longer applied (it would undo their
   * imports).
   */
  @Transactional
  public void importAtStartup() {
    DirectoryFile.Read file;
    try (InputStream in = location.getInputStream()) {
      file = read(location.getFilename(), in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the agency directory " + location + ": " + e.getMessage(), e);
    } catch (DirectoryRefusedException e) {
      throw new IllegalStateException("The agency directory " + location + " cannot be imported. " + e.getMessage(), e);
    }
    List<Map<String, Object>> last = jdbc.queryForList("select source, sha256, imported_at from directory_import"
        + " order by id desc fetch first 1 rows only", Map.of());
    if (!last.isEmpty() && Source.API.name().equals(last.get(0).get("source"))) {
      LOG.info("Agency directory: maintained through the API since {}; the file {} is not applied at start-up",
          last.get(0).get("imported_at"), location);
      return;
    }
    List<DirectoryChange> changes;
    try {
      changes = plan(file);
    } catch (DirectoryRefusedException e) {
      throw new IllegalStateException("The agency directory " + location + " cannot be imported. " + e.getMessage(), e);
    }
    if (changes.isEmpty()) {
      LOG.info("Agency directory of {}: unchanged ({} agencies)", file.province(), file.agencies().size());
      return;
    }
    write(file);
    record(Source.FILE, file, null, changes);
    LOG.info("Agency directory of {} imported from {}: {}", file.province(), location, summary(changes));
  }

  private List<DirectoryChange> plan(DirectoryFile.Read file) {
    Map<String, Agency> current = agencies.findAll().stream()
        .collect(Collectors.toMap(Agency::getCode, Function.identity()));
    List<DirectoryProblem> problems = DirectoryRules.check(file, current);
    if (!problems.isEmpty()) {
      throw new DirectoryRefusedException(problems);
    }
    Map<String, AgencyKind> known = kinds.findAll().stream()
        .collect(Collectors.toMap(AgencyKind::code, Function.identity()));
    return DirectoryChange.between(known, current, file);
  }

  private void write(DirectoryFile.Read file) {
    for (At<KindEntry> at : file.kinds()) {
      KindEntry entry = at.value();
      kinds.findById(entry.code()).ifPresentOrElse(kind -> kind.relabel(entry.label()),
          () -> kinds.save(new AgencyKind(entry.code(), entry.label())));
    }
    // an agency's kind refers to its row: the kinds are in the table before any agency names them
    kinds.flush();
    for (At<Entry> at : file.agencies()) {
      Entry entry = at.value();
      Agency agency = agencies.findById(entry.code()).orElseGet(() -> new Agency(entry.code()));
      agency.update(entry);
      agencies.save(agency);
    }
    agencies.flush();
  }

  private void record(Source source, DirectoryFile.Read file, String importedBy, List<DirectoryChange> changes) {
    String summary = summary(changes);
    jdbc.update("insert into directory_import (source, file_name, sha256, imported_by, imported_at, changes, summary)"
        + " values (:source, :file, :sha, :by, :at, :changes, :summary)", new MapSqlParameterSource()
            .addValue("source", source.name())
            .addValue("file", file.fileName() == null ? null : truncate(file.fileName(), 255))
            .addValue("sha", file.sha256()).addValue("by", importedBy)
            .addValue("at", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
            .addValue("changes", changes.size()).addValue("summary", truncate(summary, 4000)));
  }

  private static Result result(DirectoryFile.Read file, List<DirectoryChange> changes, boolean dryRun) {
    return new Result(dryRun, !dryRun, file.fileName(),
        file.fileName() != null && file.fileName().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? "XLSX" : "YAML",
        file.kinds().size(), file.agencies().size(), counts(changes), changes);
  }

  private static Map<DirectoryChange.Type, Long> counts(List<DirectoryChange> changes) {
    return changes.stream().collect(Collectors.groupingBy(DirectoryChange::type, LinkedHashMap::new,
        Collectors.counting()));
  }

  private static String summary(List<DirectoryChange> changes) {
    return changes.isEmpty() ? "no change" : counts(changes).entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
