package vn.pcmt.obligation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ObligationRepository extends JpaRepository<Obligation, Long> {

  @Query("select o from Obligation o where o.planId = :planId and o.agencyCode = :agency and o.kind = :kind"
      + " and (o.periodId = :periodId or (o.periodId is null and :periodId is null))")
  Optional<Obligation> find(long planId, String agency, ObligationKind kind, Long periodId);

  List<Obligation> findByPlanIdOrderByKindAscPeriodIdAscAgencyCodeAsc(long planId);

  Optional<Obligation> findByProcessInstanceIdAndAgencyCode(String processInstanceId, String agencyCode);
}
