package jp.kyodo.selection;

import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.mail.Notice;
import jp.kyodo.mail.NoticeKind;
import jp.kyodo.mail.Outbox;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.RegistrationProcess.ActivityField;
import jp.kyodo.registry.RegistrationStatus;
import jp.kyodo.selection.SelectionRepository.Call;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * What ② tells partners by e-mail, queued in the outbox in the step's transaction. A call that opens is told to
 * every member of each registered organisation whose fields of activity meet the call's (関市 ルール4 「機会が公平に
 * 開かれている」: the organisations that may apply hear of it, not only those who happen to look), and a decided
 * call's result to each applicant organisation's members (旭川 Q43). The keys make a step run again queue nothing more.
 */
@Component
public class CallNotices {

  static final int PAGE = 200;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** The public page of a call, application-relative (the mail sender makes it absolute). */
  public static String callPage(String callNumber) {
    return "/public/call.html?n=" + java.net.URLEncoder.encode(callNumber, java.nio.charset.StandardCharsets.UTF_8);
  }

  private final Outbox outbox;
  private final OrganisationRepository registry;

  public CallNotices(Outbox outbox, OrganisationRepository registry) {
    this.outbox = outbox;
    this.registry = registry;
  }

  /** Queues 公募開始 to the members of every registered organisation of one of the call's fields; how many queued. */
  public int callOpened(IdentityService identity, Call call) {
    if (call.activityFields().isEmpty()) {
      return 0;
    }
    String fields = String.join("、", call.activityFields().stream().map(CallNotices::fieldLabel).toList());
    String lastDay = DAY.format(CityCalendar.dayOf(call.deadlineAt().minusSeconds(1)));
    int queued = 0;
    for (int offset = 0; ; offset += PAGE) {
      List<Organisation> page = registry.list(RegistrationStatus.REGISTERED, offset, PAGE);
      for (Organisation organisation : page) {
        if (organisation.activityFields().stream().noneMatch(call.activityFields()::contains)) {
          continue;
        }
        for (User member : KyodoGroups.membersOf(identity, organisation.id())) {
          if (member.getEmail() == null || member.getEmail().isBlank()) {
            continue;
          }
          String body = organisation.name() + " の皆さまへ\n\n"
              + "登録している活動分野（" + fields + "）の公募が始まりました。\n\n"
              + "公募: " + call.projectTitle() + "（公募番号 " + call.callNumber() + "）\n"
              + "締切: " + lastDay + " 24時\n"
              + (call.budgetFrame() == null ? "" : "予算の枠: " + String.format("%,d", call.budgetFrame()) + "円\n")
              + "\n募集の目的、応募資格、審査基準は公募のページにあります。応募は公募のページの「この公募に応募する」から。";
          if (outbox.enqueue(new Notice("call-opened:" + call.callNumber() + ":" + member.getId(), member.getId(),
              member.getEmail(), NoticeKind.CALL_OPENED, false, "公募が始まりました: " + call.projectTitle(), body,
              callPage(call.callNumber())))) {
            queued++;
          }
        }
      }
      if (page.size() < PAGE) {
        return queued;
      }
    }
  }

  /** Queues 応募の結果 to the members of the applicant organisation; how many queued. */
  public int applicationResult(IdentityService identity, Call call, String applicationId, String organisationId,
      String resultLabel, String link) {
    String name = registry.find(organisationId).map(Organisation::name).orElse(organisationId);
    int queued = 0;
    for (User member : KyodoGroups.membersOf(identity, organisationId)) {
      if (member.getEmail() == null || member.getEmail().isBlank()) {
        continue;
      }
      String body = name + " の皆さまへ\n\n"
          + "応募した公募「" + call.projectTitle() + "」（公募番号 " + call.callNumber() + "、応募番号 " + applicationId
          + "）の選定結果が出ました。\n\n結果: " + resultLabel + "\n\n"
          + "点数・順位・講評と理由は、Tasklist の「選定結果を確認する」で見られます。選定の結果は公募のページでも公開しています。";
      if (outbox.enqueue(new Notice("application-result:" + applicationId + ":" + member.getId(), member.getId(),
          member.getEmail(), NoticeKind.APPLICATION_RESULT, false, "応募の結果: " + call.projectTitle(), body, link))) {
        queued++;
      }
    }
    return queued;
  }

  static String fieldLabel(String code) {
    try {
      return ActivityField.valueOf(code).label();
    } catch (IllegalArgumentException unknown) {
      return code;
    }
  }
}
