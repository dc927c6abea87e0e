package vn.pcmt.reporting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AgencyReportRepository extends JpaRepository<AgencyReport, Long> {

  Optional<AgencyReport> findByPeriodIdAndAgencyCode(long periodId, String agencyCode);

  List<AgencyReport> findByPeriodIdOrderByAgencyCode(long periodId);
}
