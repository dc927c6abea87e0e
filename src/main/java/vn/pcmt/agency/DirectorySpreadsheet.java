package vn.pcmt.agency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.pcmt.agency.DirectoryFile.At;
import vn.pcmt.agency.DirectoryFile.Entry;
import vn.pcmt.agency.DirectoryFile.KindEntry;

/**
 * The directory as an Excel workbook (.xlsx), as officials keep lists: sheet "Cơ quan" with the columns of the YAML
 * file (headed in Vietnamese or by the YAML name), sheet "Loại cơ quan" with the kinds. The export writes the same
 * workbook ({@link DirectoryExport}), so officials start from the current list and import it back.
 */
final class DirectorySpreadsheet {

  static final String AGENCIES_SHEET = "Cơ quan";
  static final String KINDS_SHEET = "Loại cơ quan";
  /** More rows than any directory has (a national programme: a few thousand units); a bound on the work. */
  static final int MAX_ROWS = 50_000;
  private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  /** The agency columns: YAML name, Vietnamese heading, whether every file must have it. */
  enum Column {
    CODE("code", "Mã", true),
    NAME("name", "Tên cơ quan", true),
    KIND("kind", "Loại", true),
    PARENT("parent", "Mã cấp trên", false),
    ROLES("roles", "Vai trò", false),
    EMAIL("email", "Email", false),
    VALID_FROM("validFrom", "Hoạt động từ ngày", false),
    VALID_TO("validTo", "Hoạt động đến ngày", false),
    PREDECESSORS("predecessors", "Tiền thân", false);

    final String key;
    final String heading;
    final boolean required;

    Column(String key, String heading, boolean required) {
      this.key = key;
      this.heading = heading;
      this.required = required;
    }
  }

  enum KindColumn {
    CODE("code", "Mã loại"),
    LABEL("label", "Tên loại");

    final String key;
    final String heading;

    KindColumn(String key, String heading) {
      this.key = key;
      this.heading = heading;
    }
  }

  private DirectorySpreadsheet() {
  }

  static DirectoryFile.Read read(String fileName, String sha256, byte[] content) {
    List<DirectoryProblem> problems = new ArrayList<>();
    List<At<KindEntry>> kinds = new ArrayList<>();
    List<At<Entry>> agencies = new ArrayList<>();
    try (XSSFWorkbook workbook = open(content)) {
      Sheet agencySheet = sheet(workbook, AGENCIES_SHEET, problems);
      Sheet kindSheet = sheet(workbook, KINDS_SHEET, problems);
      if (kindSheet != null) {
        readRows(kindSheet, KindColumn.class, c -> c.key, c -> c.heading, EnumSet.allOf(KindColumn.class), problems,
            (where, cells) -> kinds.add(new At<>(where, new KindEntry(cells.text(KindColumn.CODE),
                cells.text(KindColumn.LABEL)))));
      }
      if (agencySheet != null) {
        Set<Column> required = EnumSet.noneOf(Column.class);
        Arrays.stream(Column.values()).filter(c -> c.required).forEach(required::add);
        readRows(agencySheet, Column.class, c -> c.key, c -> c.heading, required, problems,
            (where, cells) -> agencies.add(new At<>(where, new Entry(cells.text(Column.CODE), cells.text(Column.NAME),
                cells.text(Column.KIND), cells.text(Column.PARENT), roles(cells, problems), cells.text(Column.EMAIL),
                cells.date(Column.VALID_FROM), cells.date(Column.VALID_TO), cells.list(Column.PREDECESSORS)))));
      }
    } catch (IOException | RuntimeException e) {
      // POI reports a file that is no workbook (a PDF renamed, a damaged or oversized archive) in many ways
      return new DirectoryFile.Read(fileName, sha256, null, List.of(), List.of(), List.of(new DirectoryProblem(null,
          null, "Tệp không phải bảng tính Excel (.xlsx) đọc được. Hãy lưu danh bạ bằng Excel dạng .xlsx, hoặc tải "
              + "mẫu hiện tại (GET /api/directory/export.xlsx) rồi sửa trên đó.")));
    }
    return new DirectoryFile.Read(fileName, sha256, null, kinds, agencies, problems);
  }

  private static XSSFWorkbook open(byte[] content) throws IOException {
    // POI's own guard against zip bombs: an entry may not inflate to more than 100 times its compressed size
    ZipSecureFile.setMinInflateRatio(0.01);
    return new XSSFWorkbook(new ByteArrayInputStream(content));
  }

  private static Sheet sheet(XSSFWorkbook workbook, String name, List<DirectoryProblem> problems) {
    for (Sheet sheet : workbook) {
      if (normal(sheet.getSheetName()).equals(normal(name))) {
        return sheet;
      }
    }
    List<String> names = new ArrayList<>();
    workbook.forEach(sheet -> names.add(sheet.getSheetName()));
    problems.add(new DirectoryProblem(null, null, "Bảng tính thiếu trang '" + name + "'. Các trang cần có: '"
        + AGENCIES_SHEET + "' và '" + KINDS_SHEET + "'; tệp có: " + String.join(", ", names) + "."));
    return null;
  }

  /** The cells of one row, by column, with the problems of reading them. */
  interface Cells<C> {
    String text(C column);

    LocalDate date(C column);

    List<String> list(C column);

    String where(C column);
  }

  private static <C extends Enum<C>> void readRows(Sheet sheet, Class<C> type, Function<C, String> key,
      Function<C, String> heading, Set<C> required, List<DirectoryProblem> problems,
      java.util.function.BiConsumer<String, Cells<C>> add) {
    if (sheet.getLastRowNum() > MAX_ROWS) {
      problems.add(new DirectoryProblem(sheet.getSheetName(), null, "Trang có hơn " + MAX_ROWS + " dòng."));
      return;
    }
    Map<C, Integer> columns = header(sheet, type, key, heading, required, problems);
    if (columns == null) {
      return;
    }
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row == null || isBlank(row, formatter)) {
        continue;
      }
      String where = sheet.getSheetName() + ", dòng " + (r + 1);
      add.accept(where, new RowCells<>(row, columns, formatter, problems));
    }
  }

  /** The header row: each column once, every required one, nothing unknown. Null when it cannot be used. */
  private static <C extends Enum<C>> Map<C, Integer> header(Sheet sheet, Class<C> type, Function<C, String> key,
      Function<C, String> heading, Set<C> required, List<DirectoryProblem> problems) {
    Row row = sheet.getRow(sheet.getFirstRowNum());
    Map<C, Integer> columns = new EnumMap<>(type);
    String expected = String.join(", ", Arrays.stream(type.getEnumConstants()).map(heading).toList());
    int before = problems.size();
    if (row != null) {
      for (Cell cell : row) {
        String text = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
            ? cell.getStringCellValue() : new DataFormatter().formatCellValue(cell);
        if (text.isBlank()) {
          continue;
        }
        String where = sheet.getSheetName() + ", ô " + new CellReference(cell).formatAsString(false);
        C column = Arrays.stream(type.getEnumConstants())
            .filter(c -> normal(key.apply(c)).equals(normal(text)) || normal(heading.apply(c)).equals(normal(text)))
            .findFirst().orElse(null);
        if (column == null) {
          problems.add(new DirectoryProblem(where, null, "Cột '" + text.strip() + "' không có trong mẫu danh bạ. Các"
              + " cột: " + expected + "."));
        } else if (columns.put(column, cell.getColumnIndex()) != null) {
          problems.add(new DirectoryProblem(where, null, "Cột '" + heading.apply(column) + "' có hai lần."));
        }
      }
    }
    for (C column : required) {
      if (!columns.containsKey(column)) {
        problems.add(new DirectoryProblem(sheet.getSheetName() + ", dòng " + (sheet.getFirstRowNum() + 1), null,
            "Thiếu cột '" + heading.apply(column) + "'. Dòng đầu tiên của trang là tên các cột: " + expected + "."));
      }
    }
    return problems.size() == before ? columns : null;
  }

  private static boolean isBlank(Row row, DataFormatter formatter) {
    for (Cell cell : row) {
      if (!formatter.formatCellValue(cell).isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static Set<AgencyRole> roles(Cells<Column> cells, List<DirectoryProblem> problems) {
    Set<AgencyRole> roles = new LinkedHashSet<>();
    for (String name : cells.list(Column.ROLES)) {
      try {
        roles.add(AgencyRole.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(new DirectoryProblem(cells.where(Column.ROLES), cells.text(Column.CODE), "Vai trò '" + name
            + "' không có. Các vai trò: " + String.join(", ", Arrays.stream(AgencyRole.values()).map(Enum::name)
                .toList()) + "."));
      }
    }
    return roles;
  }

  private static final class RowCells<C extends Enum<C>> implements Cells<C> {
    private final Row row;
    private final Map<C, Integer> columns;
    private final DataFormatter formatter;
    private final List<DirectoryProblem> problems;

    RowCells(Row row, Map<C, Integer> columns, DataFormatter formatter, List<DirectoryProblem> problems) {
      this.row = row;
      this.columns = columns;
      this.formatter = formatter;
      this.problems = problems;
    }

    private Cell cell(C column) {
      Integer index = columns.get(column);
      return index == null ? null : row.getCell(index);
    }

    @Override
    public String where(C column) {
      Integer index = columns.get(column);
      return row.getSheet().getSheetName() + ", ô " + new CellReference(row.getRowNum(), index == null ? 0 : index)
          .formatAsString(false);
    }

    /** The text as typed; a formula is refused (its result is not data, and it may be a hostile one). */
    @Override
    public String text(C column) {
      Cell cell = cell(column);
      if (cell == null) {
        return null;
      }
      switch (cell.getCellType()) {
        case FORMULA, ERROR -> {
          problems.add(new DirectoryProblem(where(column), null, "Ô chứa công thức hoặc lỗi; nhập giá trị."));
          return null;
        }
        case STRING -> {
          String text = cell.getStringCellValue().strip();
          return text.isEmpty() ? null : text;
        }
        default -> {
          String text = formatter.formatCellValue(cell).strip();
          return text.isEmpty() ? null : text;
        }
      }
    }

    @Override
    public LocalDate date(C column) {
      Cell cell = cell(column);
      if (cell == null) {
        return null;
      }
      if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
        return cell.getLocalDateTimeCellValue().toLocalDate();
      }
      String text = text(column);
      if (text == null) {
        return null;
      }
      try {
        return text.contains("/") ? LocalDate.parse(text, VN_DATE) : LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        problems.add(new DirectoryProblem(where(column), null, "'" + text + "' không phải ngày: nhập ngày dạng "
            + "ngày/tháng/năm (01/07/2025) hoặc năm-tháng-ngày (2025-07-01)."));
        return null;
      }
    }

    /** Codes separated by commas or semicolons: "SLDTBXH, SNV". */
    @Override
    public List<String> list(C column) {
      String text = text(column);
      return text == null ? List.of()
          : Arrays.stream(text.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }

  private static String normal(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
