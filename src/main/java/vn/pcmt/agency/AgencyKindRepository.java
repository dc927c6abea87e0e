package vn.pcmt.agency;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyKindRepository extends JpaRepository<AgencyKind, String> {
}
