package jp.kyodo.registry;

import java.time.Instant;

/**
 * A manager's answer on letting a partner hold a department's collaboration once more although it has become fixed
 * (千葉県 協働推進マニュアル ②: a caution, not a ban), kept beside the partnership history it is about. {@code id} is
 * the manager's task; {@code fiscalYear} the year the exception is for; {@code consecutiveYears} the run before it;
 * {@code phase} SELECTION (② sole source) or IMPROVEMENT (⑥ continuation); {@code request} the department's reason
 * for asking, {@code reason} the manager's.
 */
public record FixationExceptionRecord(String id, String organisationId, String departmentGroup, String projectNumber,
    int fiscalYear, int consecutiveYears, String phase, boolean allowed, String request, String reason,
    String decidedBy, Instant decidedAt, String processInstanceId) {

  /** One line for the next manager's notice, e.g. 「2027年度: 例外を認めた（sato、理由「…」）」. */
  public String summary() {
    return fiscalYear + "年度: " + (allowed ? "例外を認めた" : "例外を認めなかった") + "（" + decidedBy + "、理由「" + reason + "」）";
  }
}
