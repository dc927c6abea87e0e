package vn.pcmt.agency;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyRepository extends JpaRepository<Agency, String> {

  List<Agency> findByKind(String kind);

  List<Agency> findByParentCode(String parentCode);
}
