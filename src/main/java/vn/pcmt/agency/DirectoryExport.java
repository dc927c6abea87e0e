package vn.pcmt.agency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.pcmt.agency.DirectorySpreadsheet.Column;
import vn.pcmt.agency.DirectorySpreadsheet.KindColumn;

/**
 * The current directory as the workbook officials edit and import back (GET /api/directory/export.xlsx): the columns
 * and sheets of {@link DirectorySpreadsheet}, dates as dates, text that looks like a formula kept as text.
 */
final class DirectoryExport {

  private DirectoryExport() {
  }

  /** The directory as a workbook, in the columns {@link DirectorySpreadsheet#read} takes. */
  static byte[] write(Collection<AgencyKind> kinds, List<Agency> agencies) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      // text that a spreadsheet would take for a formula ("=cmd|..."): shown and kept as text, never evaluated
      CellStyle literal = workbook.createCellStyle();
      literal.setQuotePrefixed(true);

      Sheet sheet = workbook.createSheet(DirectorySpreadsheet.AGENCIES_SHEET);
      Row header = sheet.createRow(0);
      for (Column column : Column.values()) {
        Cell cell = header.createCell(column.ordinal());
        cell.setCellValue(column.heading);
        cell.setCellStyle(bold);
        sheet.setColumnWidth(column.ordinal(), (column == Column.NAME ? 60 : 18) * 256);
      }
      int r = 1;
      for (Agency agency : agencies) {
        Row row = sheet.createRow(r++);
        text(row, Column.CODE.ordinal(), agency.getCode(), literal);
        text(row, Column.NAME.ordinal(), agency.getName(), literal);
        text(row, Column.KIND.ordinal(), agency.getKind(), literal);
        text(row, Column.PARENT.ordinal(), agency.getParentCode(), literal);
        text(row, Column.ROLES.ordinal(), String.join(", ", agency.getRoles().stream().map(Enum::name).sorted()
            .toList()), literal);
        text(row, Column.EMAIL.ordinal(), agency.getEmail(), literal);
        date(row, Column.VALID_FROM.ordinal(), agency.getValidFrom(), date);
        date(row, Column.VALID_TO.ordinal(), agency.getValidTo(), date);
        text(row, Column.PREDECESSORS.ordinal(), String.join(", ", agency.getPredecessors()), literal);
      }
      sheet.createFreezePane(0, 1);

      Sheet kindSheet = workbook.createSheet(DirectorySpreadsheet.KINDS_SHEET);
      Row kindHeader = kindSheet.createRow(0);
      for (KindColumn column : KindColumn.values()) {
        Cell cell = kindHeader.createCell(column.ordinal());
        cell.setCellValue(column.heading);
        cell.setCellStyle(bold);
        kindSheet.setColumnWidth(column.ordinal(), (column == KindColumn.LABEL ? 50 : 28) * 256);
      }
      r = 1;
      for (AgencyKind kind : kinds) {
        Row row = kindSheet.createRow(r++);
        text(row, KindColumn.CODE.ordinal(), kind.code(), literal);
        text(row, KindColumn.LABEL.ordinal(), kind.label(), literal);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void text(Row row, int column, String value, CellStyle literal) {
    if (value == null || value.isEmpty()) {
      return;
    }
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    if ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      cell.setCellStyle(literal);
    }
  }

  private static void date(Row row, int column, LocalDate value, CellStyle style) {
    if (value != null) {
      Cell cell = row.createCell(column);
      cell.setCellValue(value);
      cell.setCellStyle(style);
    }
  }

  /** Parents before their children, children by code: the tree as officials read it. */
  static List<Agency> treeOrder(List<Agency> agencies) {
    Map<String, List<Agency>> children = new HashMap<>();
    Set<String> codes = new HashSet<>();
    agencies.forEach(a -> codes.add(a.getCode()));
    List<Agency> roots = new ArrayList<>();
    for (Agency agency : agencies) {
      if (agency.getParentCode() == null || !codes.contains(agency.getParentCode())) {
        roots.add(agency);
      } else {
        children.computeIfAbsent(agency.getParentCode(), k -> new ArrayList<>()).add(agency);
      }
    }
    List<Agency> ordered = new ArrayList<>();
    Deque<Agency> open = new ArrayDeque<>();
    roots.stream().sorted(Comparator.comparing(Agency::getCode).reversed()).forEach(open::push);
    Set<String> seen = new HashSet<>();
    while (!open.isEmpty()) {
      Agency agency = open.pop();
      if (seen.add(agency.getCode())) {
        ordered.add(agency);
        children.getOrDefault(agency.getCode(), List.of()).stream()
            .sorted(Comparator.comparing(Agency::getCode).reversed()).forEach(open::push);
      }
    }
    agencies.stream().filter(a -> !seen.contains(a.getCode())).forEach(ordered::add);
    return ordered;
  }

}
