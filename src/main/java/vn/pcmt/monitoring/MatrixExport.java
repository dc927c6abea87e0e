package vn.pcmt.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.pcmt.monitoring.MonitorViews.Cell;
import vn.pcmt.monitoring.MonitorViews.Matrix;
import vn.pcmt.monitoring.MonitorViews.Row;
import vn.pcmt.monitoring.MonitorViews.Step;

/**
 * The matrix as the page shows it (same filter, same order, same words), for Excel (Apache POI, cells coloured as on
 * the page) and as CSV (Apache Commons CSV, UTF-8 with a byte order mark so that Excel reads the Vietnamese right).
 */
@Component
class MatrixExport {

  static final String SHEET = "Theo dõi thực hiện";
  static final List<String> LEADING = List.of("STT", "Mã cơ quan", "Cơ quan");
  static final List<String> TRAILING = List.of("Lỗi hệ thống", "Quá hạn", "Đình trệ", "Đang thực hiện",
      "Hoàn thành trễ hạn", "Hoàn thành đúng hạn", "Quá hạn lâu nhất (ngày làm việc)");
  /** The page's colours (monitor.css). */
  private static final Map<CellState, String> FILLS = new EnumMap<>(Map.of(
      CellState.DONE_ON_TIME, "C8E6C9", CellState.DONE_LATE, "FFE0B2", CellState.IN_PROGRESS, "BBDEFB",
      CellState.OVERDUE, "EF9A9A", CellState.STALLED, "FFF59D", CellState.INCIDENT, "E1BEE7",
      CellState.NOT_STARTED, "EEEEEE"));

  static List<String> headers(Matrix matrix) {
    List<String> headers = new ArrayList<>(LEADING);
    matrix.steps().stream().map(Step::label).forEach(headers::add);
    headers.addAll(TRAILING);
    return headers;
  }

  static List<List<Object>> rows(Matrix matrix) {
    List<List<Object>> rows = new ArrayList<>();
    int number = 1;
    for (Row row : matrix.rows()) {
      List<Object> values = new ArrayList<>(List.of(number++, row.agency(), row.agencyName()));
      row.cells().forEach(cell -> values.add(cell.text()));
      values.addAll(List.of(row.incidents(), row.overdue(), row.stalled(), row.inProgress(), row.doneLate(),
          row.doneOnTime(), row.maxDaysLate()));
      rows.add(values);
    }
    return rows;
  }

  byte[] xlsx(Matrix matrix) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet(SHEET);
      XSSFCellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Map<CellState, XSSFCellStyle> fills = new EnumMap<>(CellState.class);
      FILLS.forEach((state, hex) -> {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFillForegroundColor(new XSSFColor(java.util.HexFormat.of().parseHex(hex), null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        fills.put(state, style);
      });
      List<String> headers = headers(matrix);
      XSSFRow head = sheet.createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        head.createCell(c).setCellValue(headers.get(c));
        head.getCell(c).setCellStyle(bold);
      }
      List<List<Object>> rows = rows(matrix);
      for (int r = 0; r < rows.size(); r++) {
        XSSFRow line = sheet.createRow(r + 1);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value instanceof Number number) {
            line.createCell(c).setCellValue(number.doubleValue());
          } else {
            line.createCell(c).setCellValue(String.valueOf(value));
          }
        }
        List<Cell> cells = matrix.rows().get(r).cells();
        for (int s = 0; s < cells.size(); s++) {
          line.getCell(LEADING.size() + s).setCellStyle(fills.get(cells.get(s).state()));
        }
      }
      sheet.createFreezePane(LEADING.size(), 1);
      for (int c = 0; c < headers.size(); c++) {
        sheet.setColumnWidth(c, Math.min(60, Math.max(8, headers.get(c).length() + 4)) * 256);
      }
      sheet.setColumnWidth(2, 45 * 256);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] csv(Matrix matrix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      // the byte order mark first, before the header the printer writes
      writer.write('\uFEFF');
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder()
          .setHeader(headers(matrix).toArray(String[]::new)).get());
      for (List<Object> row : rows(matrix)) {
        printer.printRecord(row);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A file name without the plan number's slash: theo-doi-23-KH-UBND.xlsx. */
  static String fileName(Matrix matrix, String extension) {
    return "theo-doi-" + matrix.planNumber().replaceAll("[^A-Za-z0-9]+", "-") + "." + extension;
  }
}
