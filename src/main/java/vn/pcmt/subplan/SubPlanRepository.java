package vn.pcmt.subplan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SubPlanRepository extends JpaRepository<SubPlan, Long> {

  Optional<SubPlan> findByPlanIdAndAgencyCode(long planId, String agencyCode);

  List<SubPlan> findByPlanId(long planId);
}
