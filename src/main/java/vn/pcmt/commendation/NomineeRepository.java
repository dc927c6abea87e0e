package vn.pcmt.commendation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NomineeRepository extends JpaRepository<Nominee, Long> {

  List<Nominee> findByPlanIdOrderById(long planId);

  void deleteByPlanIdAndProposedBy(long planId, String proposedBy);
}
