package jp.kyodo.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The organisations that hold a project together with its partner (「共に担う団体」): 旭川 Q71 allows a city to
 * collaborate with several organisations at once, and 関市 II-7③ names the 実行委員会, a body both sides organise
 * together. ② chooses them, each with its role in the project; from then on they travel with the project as
 * {@link Project#CO_PARTNERS} (for people: name and role) and {@link Project#CO_PARTNER_GROUPS} (for routing: the
 * organisations' group ids), beside {@code partnerGroup}.
 */
public final class CoPartners {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CoPartners() {}

  /** One organisation holding the project beside the partner, and what it does in it. */
  public record CoPartner(String organisationId, String organisationName, String role) {}

  /** Writes both variables: the list as JSON, the group ids comma-separated (empty when none, never absent). */
  public static void write(VariableScope scope, List<CoPartner> coPartners) {
    ArrayNode array = JSON.createArrayNode();
    for (CoPartner p : coPartners) {
      array.addObject().put("organisationId", p.organisationId()).put("organisationName", p.organisationName())
          .put("role", p.role());
    }
    scope.setVariable(Project.CO_PARTNERS, SpinValues.jsonValue(array.toString()).create());
    Project.CO_PARTNER_GROUPS.set(scope, String.join(",", coPartners.stream().map(CoPartner::organisationId).toList()));
  }

  /** The group ids in {@code coPartnerGroups}, in order, without blanks or repeats. */
  static Set<String> groups(String commaSeparated) {
    Set<String> groups = new LinkedHashSet<>();
    Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(groups::add);
    return groups;
  }

  /**
   * Every task offered to the project's partner is offered to its co-partners too, whichever phase's diagram it is
   * in (③ confirming the agreement, ④ reports, ⑤ self-evaluation, ⑥ the dialogue): the organisations hold the project
   * together (旭川 Q71), so any of their members may do the partner's share. Added as candidate groups when the task
   * is created, so the engine grants each group work on that task exactly as it grants the partner's (Kyodo's
   * authorization provider gives every candidate group its grant per task) and Tasklist's 「わたしのグループのタスク」
   * lists it. Only organisation groups are added: the variable routes work, and must never open a task to a role
   * such as the collaboration office or a department. A task not offered to the partner is left as it is.
   */
  public static final TaskListener JOIN_PARTNER_TASKS = CoPartners::joinPartnerTasks;

  static void joinPartnerTasks(DelegateTask task) {
    if (!(task.getVariable(Project.CO_PARTNER_GROUPS.name()) instanceof String coPartnerGroups)
        || coPartnerGroups.isBlank()
        || !(task.getVariable(Project.PARTNER_GROUP.name()) instanceof String partnerGroup)) {
      return;
    }
    Set<String> candidates = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())) {
        candidates.add(link.getGroupId());
      }
    }
    if (!candidates.contains(partnerGroup)) {
      return;
    }
    for (String group : groups(coPartnerGroups)) {
      if (!candidates.contains(group) && isOrganisation(task, group)) {
        task.addCandidateGroup(group);
      }
    }
  }

  private static boolean isOrganisation(DelegateTask task, String groupId) {
    Group group = KyodoGroups.group(KyodoGroups.identity(task), groupId);
    return group != null && KyodoGroups.TYPE_ORGANISATION.equals(group.getType());
  }
}
