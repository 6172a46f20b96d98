package jp.kyodo.registry;

import java.time.Instant;
import java.util.List;

/** A registered (or applying) partner organisation; its id is also its Camunda group id. */
public record Organisation(
    String id,
    String name,
    OrganisationType type,
    String representative,
    String contactEmail,
    String contactPhone,
    String address,
    List<String> activityFields,
    String activityRecord,
    String financialState,
    RegistrationStatus status,
    String statusReason,
    String statusDecidedBy,
    Instant statusDecidedAt,
    List<String> members) {

  public boolean mayApply() {
    return status == RegistrationStatus.REGISTERED;
  }
}
