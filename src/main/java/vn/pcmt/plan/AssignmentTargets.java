package vn.pcmt.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyKind;
import vn.pcmt.agency.AgencyRole;

/**
 * Who an assignment's target is on a date: an agency, every agency of a kind, every unit under a parent; and the
 * plan's issuing and standing bodies (the directory's ISSUER and SECRETARIAT when the plan names none).
 */
@Component
class AssignmentTargets {

  private final AgencyDirectory directory;

  AssignmentTargets(AgencyDirectory directory) {
    this.directory = directory;
  }

  List<Agency> resolve(TargetType type, String target, LocalDate on) {
    String code = target == null ? "" : target.trim();
    return switch (type == null ? TargetType.AGENCY : type) {
      case AGENCY -> directory.find(code).filter(a -> a.isValidOn(on)).map(List::of).orElse(List.of());
      case KIND -> kind(code).map(kind -> directory.ofKind(kind, on)).orElse(List.of());
      case CHILDREN_OF -> directory.childrenOf(code, on);
    };
  }

  Optional<AgencyKind> kind(String code) {
    return directory.kind(code);
  }

  Optional<Agency> issuing(PlanRegistration registration, LocalDate on) {
    return blank(registration.issuingAgency())
        ? directory.withRole(AgencyRole.ISSUER, on)
        : directory.find(registration.issuingAgency().trim()).filter(a -> a.isValidOn(on));
  }

  Optional<Agency> standing(PlanRegistration registration, LocalDate on) {
    return blank(registration.standingAgency())
        ? directory.withRole(AgencyRole.SECRETARIAT, on)
        : directory.find(registration.standingAgency().trim()).filter(a -> a.isValidOn(on));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
