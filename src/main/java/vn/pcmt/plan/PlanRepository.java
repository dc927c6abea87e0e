package vn.pcmt.plan;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanRepository extends JpaRepository<Plan, Long> {

  Optional<Plan> findByPlanNumberAndIssuingAgencyAndIssueDate(String planNumber, String issuingAgency,
      LocalDate issueDate);
}
