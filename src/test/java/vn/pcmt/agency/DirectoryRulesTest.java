package vn.pcmt.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The rules on a directory file alone, as start-up applies them to the configured file on a new installation: the
 * shipped Sơn La directory passes; an agency of a kind the file does not declare stops the start, named with its line.
 */
class DirectoryRulesTest {

  @Test
  void theShippedDirectoryPassesEveryRule() throws IOException {
    DirectoryFile.Read file = shipped();
    assertThat(DirectoryRules.check(file, Map.of())).isEmpty();
    assertThat(file.kinds()).extracting(at -> at.value().code()).contains("STEERING_COMMITTEE", "DEPARTMENT");
    assertThat(file.agencies()).filteredOn(at -> at.value().code().equals("BCD138")).singleElement()
        .satisfies(at -> assertThat(at.value().kind()).isEqualTo("STEERING_COMMITTEE"));
    List<DirectoryChange> changes = DirectoryChange.between(Map.of(), Map.of(), file);
    assertThat(changes).filteredOn(c -> c.type() == DirectoryChange.Type.NEW).hasSize(file.agencies().size());
    assertThat(changes).filteredOn(c -> c.type() == DirectoryChange.Type.KIND_NEW).hasSize(file.kinds().size());
  }

  @Test
  void anAgencyOfAnUndeclaredKindIsRefusedWithItsLine() {
    DirectoryFile.Read file = DirectoryImports.read("tinh-moi.yaml", """
        province: Tỉnh mới
        kinds:
          - code: PEOPLES_COMMITTEE
            label: Ủy ban nhân dân
        agencies:
          - code: UBND
            name: Ủy ban nhân dân tỉnh
            kind: PEOPLES_COMMITTEE
            roles: [ISSUER, SECRETARIAT, HOME_AFFAIRS]
          - code: BCD
            name: Ban Chỉ đạo tỉnh
            kind: STEERING_COMMITTEE
            parent: UBND
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(DirectoryRules.check(file, Map.of())).containsExactly(new DirectoryProblem("dòng 10", "BCD",
        "Loại cơ quan 'STEERING_COMMITTEE' chưa được khai báo trong tệp. Các loại đã khai báo: PEOPLES_COMMITTEE."));
    assertThat(new DirectoryRefusedException(DirectoryRules.check(file, Map.of())).getMessage()).isEqualTo(
        "Danh bạ không được nhập (1 lỗi), không có gì thay đổi:\n- dòng 10 (BCD): Loại cơ quan 'STEERING_COMMITTEE'"
            + " chưa được khai báo trong tệp. Các loại đã khai báo: PEOPLES_COMMITTEE.");
  }

  @Test
  void aRoleHandedOverOnADayIsHeldEveryDay() {
    DirectoryFile.Read file = DirectoryImports.read("tinh-moi.yaml", """
        kinds:
          - code: PEOPLES_COMMITTEE
            label: Ủy ban nhân dân
        agencies:
          - code: UBND
            name: Ủy ban nhân dân tỉnh
            kind: PEOPLES_COMMITTEE
            roles: [ISSUER, SECRETARIAT]
          - code: SNVCU
            name: Sở Nội vụ (cũ)
            kind: PEOPLES_COMMITTEE
            roles: [HOME_AFFAIRS]
            validTo: 2025-02-28
          - code: SNV
            name: Sở Nội vụ
            kind: PEOPLES_COMMITTEE
            roles: [HOME_AFFAIRS]
            validFrom: 2025-03-02
            predecessors: [SNVCU]
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(DirectoryRules.check(file, Map.of())).extracting(DirectoryProblem::message).containsExactly(
        "Không cơ quan nào giữ vai trò HOME_AFFAIRS (cơ quan thẩm định khen thưởng, Sở Nội vụ) từ ngày 01/03/2025"
            + " đến ngày 01/03/2025 (giữa 'SNVCU' và 'SNV').");
  }

  static DirectoryFile.Read shipped() throws IOException {
    try (InputStream in = DirectoryRulesTest.class.getResourceAsStream("/directory/son-la.yaml")) {
      return DirectoryImports.read("son-la.yaml", in.readAllBytes());
    }
  }
}
