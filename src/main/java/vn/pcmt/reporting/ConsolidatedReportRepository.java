package vn.pcmt.reporting;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsolidatedReportRepository extends JpaRepository<ConsolidatedReport, Long> {

  Optional<ConsolidatedReport> findByPeriodId(long periodId);

  List<ConsolidatedReport> findByPlanIdOrderByPeriodId(long planId);
}
