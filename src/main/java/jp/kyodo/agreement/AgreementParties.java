package jp.kyodo.agreement;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Who may carry a project for the department, as the forms offer them: main and deputy staff (旭川 Q57). */
public final class AgreementParties {

  private AgreementParties() {}

  /** The department's members by user id, named as the forms show them ("鈴木 一郎 (suzuki)"), for a select's options. */
  public static Map<String, String> staff(IdentityService identity, String departmentGroup) {
    Map<String, String> staff = new LinkedHashMap<>();
    for (User user : KyodoGroups.membersOf(identity, departmentGroup)) {
      staff.put(user.getId(), Actors.displayName(user));
    }
    return staff;
  }
}
