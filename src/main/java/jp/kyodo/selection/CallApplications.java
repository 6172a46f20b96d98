package jp.kyodo.selection;

import static jp.kyodo.selection.CallApplicationProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.forms.EngineEntryChecks;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.selection.SelectionRepository.Call;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * 「この公募に応募する」: the only way a {@code call-application} starts. The applicant is a partner acting for a
 * registered organisation (事前登録, 旭川 Q42), the call accepts applications now (関市 ルール4 「機会が公平に開かれている」:
 * the same deadline for all, 旭川 Q30 公募制度), and the organisation has neither applied nor a draft open — an open
 * draft is reopened instead of a second one. The process starts as the applicant, with the call and the organisation
 * chosen, at the draft 「応募書を作成する」 in Tasklist; the server's start is marked ({@link #starting()}) so that
 * {@link CheckApplicationStartListener} refuses every other start (REST, the webapps' engine API, Tasklist).
 */
@Service
public class CallApplications {

  static final String NOT_A_PARTNER = "市の職員・審査委員のアカウントでは公募に応募できません。応募は、登録団体の担当者の"
      + "アカウントでログインして行ってください。";
  static final String NOT_REGISTERED = "団体登録が済んでいない方は公募に応募できません。先に団体登録を申請してください"
      + "（旭川 Q42）。登録の状況は市民協働課に確認してください。";
  static final String NOT_APPROVED = "団体登録が承認されていない団体は公募に応募できません（旭川 Q42）。登録の状況は"
      + "市民協働課に確認してください。";
  static final String CHOOSE_ORGANISATION = "複数の登録団体に所属しています。どの団体として応募するか選んでください。";
  static final String NOT_YOUR_ORGANISATION = "選んだ団体は、あなたが応募できる登録団体ではありません。";

  /** Whether this thread is starting an application through {@link #openDraft} (the only allowed start). */
  static boolean starting() {
    return EngineEntryChecks.isApplicationStart();
  }

  /** The draft task the applicant is sent to, and whether it was opened just now or reopened. */
  public record Draft(String taskId, String processInstanceId, String organisationId, boolean reopened) {}

  private final ProcessEngine engine;
  private final SelectionRepository records;
  private final OrganisationRepository registry;

  public CallApplications(ProcessEngine engine, SelectionRepository records, OrganisationRepository registry) {
    this.engine = engine;
    this.records = records;
    this.registry = registry;
  }

  public Call call(String callNumber) {
    return (callNumber == null || callNumber.length() > 32 ? Optional.<Call>empty() : records.call(callNumber))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "公募「" + abbreviate(callNumber) + "」は見つかりません。公募番号を確かめてください。"));
  }

  /** What the apply page shows a logged-in person: may they apply, for which organisations, with which draft. */
  public Map<String, Object> status(String callNumber, String userId, List<String> groups) {
    Call call = call(callNumber);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("callNumber", call.callNumber());
    out.put("title", call.projectTitle());
    out.put("loggedIn", true);
    out.put("userId", userId);
    out.put("open", call.acceptsApplicationsAt(CityCalendar.now()));
    boolean partner = groups.contains(KyodoGroups.PARTNERS);
    out.put("partner", partner);
    if (!partner) {
      out.put("message", NOT_A_PARTNER);
      return out;
    }
    List<Map<String, Object>> organisations = new ArrayList<>();
    for (Organisation organisation : registeredOrganisations(userId)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", organisation.id());
      row.put("name", organisation.name());
      row.put("applied", hasApplied(call, organisation.id()));
      row.put("draftTaskId", draftOf(call, organisation.id()).map(Task::getId).orElse(null));
      organisations.add(row);
    }
    out.put("organisations", organisations);
    if (organisations.isEmpty()) {
      out.put("message", organisationGroups(userId).isEmpty() ? NOT_REGISTERED : NOT_APPROVED);
    } else if (!call.acceptsApplicationsAt(CityCalendar.now())) {
      out.put("message", closedMessage(call));
    }
    return out;
  }

  /**
   * Opens (or reopens) the organisation's draft for the call, as the user; refused with a clerk's message otherwise.
   * {@code organisationId} may be null when the user acts for one registered organisation only.
   */
  public Draft openDraft(String callNumber, String userId, List<String> groups, String organisationId) {
    Call call = call(callNumber);
    if (!groups.contains(KyodoGroups.PARTNERS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_A_PARTNER);
    }
    if (!call.acceptsApplicationsAt(CityCalendar.now())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, closedMessage(call));
    }
    List<Organisation> registered = registeredOrganisations(userId);
    if (registered.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, organisationGroups(userId).isEmpty() ? NOT_REGISTERED
          : NOT_APPROVED);
    }
    Organisation organisation;
    if (organisationId == null || organisationId.isBlank()) {
      if (registered.size() > 1) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, CHOOSE_ORGANISATION);
      }
      organisation = registered.get(0);
    } else {
      organisation = registered.stream().filter(o -> o.id().equals(organisationId)).findFirst()
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_YOUR_ORGANISATION));
    }
    if (hasApplied(call, organisation.id())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          organisation.name() + "はこの公募（" + call.callNumber() + "）に既に応募しています。結果は Tasklist でお知らせします。");
    }
    Optional<Task> draft = draftOf(call, organisation.id());
    if (draft.isPresent()) {
      Task task = draft.get();
      if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
        throw new ResponseStatusException(HttpStatus.CONFLICT, organisation.name() + "の応募書は、同じ団体の別の担当者（"
            + task.getAssignee() + "）が作成中です。その担当者に Tasklist で「担当者を変更」してもらってください。");
      }
      return new Draft(task.getId(), task.getProcessInstanceId(), organisation.id(), true);
    }
    VariableMap values = Variables.createVariables()
        .putValue(APPLICANT.name(), userId)
        .putValue(CALL_NUMBER.name(), call.callNumber())
        .putValue(CALL_TITLE.name(), call.projectTitle())
        .putValue(APPLICANT_GROUP.name(), organisation.id())
        .putValue(APPLICANT_NAME.name(), organisation.name())
        .putValue(DEADLINE_AT.name(), Date.from(call.deadlineAt()));
    IdentityService identity = engine.getIdentityService();
    ProcessInstance instance;
    identity.setAuthentication(userId, groups);
    try {
      instance = EngineEntryChecks.startAsTheApplication(
          () -> engine.getRuntimeService().startProcessInstanceByKey(KEY, call.callNumber(), values));
    } finally {
      identity.clearAuthentication();
    }
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Elements.DRAFT).singleResult();
    return new Draft(task.getId(), instance.getId(), organisation.id(), false);
  }

  /** The organisations the user acts for (their Camunda groups of type organisation) that are registered. */
  List<Organisation> registeredOrganisations(String userId) {
    List<Organisation> out = new ArrayList<>();
    for (Group group : organisationGroups(userId)) {
      registry.find(group.getId()).filter(Organisation::mayApply).ifPresent(out::add);
    }
    return out;
  }

  private List<Group> organisationGroups(String userId) {
    return KyodoGroups.groupsOfType(engine.getIdentityService(), userId, KyodoGroups.TYPE_ORGANISATION);
  }

  boolean hasApplied(Call call, String organisationId) {
    return records.applications(call.callNumber()).stream().anyMatch(a -> a.organisationId().equals(organisationId));
  }

  /** The organisation's open draft for the call, if any (one at most: a second is never opened). */
  Optional<Task> draftOf(Call call, String organisationId) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(Elements.DRAFT)
        .processVariableValueEquals(CALL_NUMBER.name(), call.callNumber())
        .processVariableValueEquals(APPLICANT_GROUP.name(), organisationId).orderByTaskCreateTime().asc().list()
        .stream().findFirst();
  }

  static String closedMessage(Call call) {
    String lastDay = RecordCallApplicationDelegate.DAY.format(CityCalendar.dayOf(call.deadlineAt().minusSeconds(1)));
    return "DECIDED".equals(call.status()) || "CLOSED".equals(call.status()) || !CityCalendar.now().isBefore(call.deadlineAt())
        ? "公募「" + call.projectTitle() + "」（" + call.callNumber() + "）は" + lastDay + "で締め切りました。締切後の応募は受け付けられません。"
        : "公募「" + call.projectTitle() + "」（" + call.callNumber() + "）は応募を受け付けていません。";
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
