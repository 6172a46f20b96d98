package jp.kyodo.agreement;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.agreement.AgreementChoices.InstalmentKind;
import jp.kyodo.agreement.AgreementChoices.PaymentTiming;

/**
 * The payment plan as instalments, each with what it waits for and the day it falls due, so that ④ can pay one after
 * another (関市 V-3③: a contract the partner's weak finances can live with; 旭川 Q51: a commission is paid after the
 * work is checked). A payment in advance falls due at the start of the term, one after completion at its end; a
 * monthly payment (月払い) at the end of each month of the term, after that month's work is confirmed; a payment by
 * stages (部分払い) at each progress report of the term and at its end, after that stage is inspected. Monthly and staged
 * payments are equal parts, the last taking what does not divide.
 */
final class PaymentSchedule {

  private PaymentSchedule() {}

  /** The instalments of a payment; none when nothing is paid. */
  static List<Agreement.Instalment> of(String timing, long payment, long advance, LocalDate start, LocalDate end,
      Period reportPeriod) {
    List<Agreement.Instalment> instalments = new ArrayList<>();
    if (timing == null || payment == 0) {
      return instalments;
    }
    switch (PaymentTiming.valueOf(timing)) {
      case ADVANCE -> instalments.add(new Agreement.Instalment(1, InstalmentKind.ADVANCE.code(), start, payment));
      case PARTIAL_ADVANCE -> {
        instalments.add(new Agreement.Instalment(1, InstalmentKind.ADVANCE.code(), start, advance));
        instalments.add(new Agreement.Instalment(2, InstalmentKind.AFTER_COMPLETION.code(), end, payment - advance));
      }
      case AFTER_COMPLETION -> instalments.add(new Agreement.Instalment(1, InstalmentKind.AFTER_COMPLETION.code(), end, payment));
      case MONTHLY -> split(instalments, InstalmentKind.MONTHLY, monthEnds(start, end), payment);
      case STAGED -> split(instalments, InstalmentKind.STAGE, stageEnds(start, end, reportPeriod), payment);
      default -> throw new IllegalArgumentException(timing);
    }
    return instalments;
  }

  /** Each month's last day within the term (the term's own last day for its last month). */
  static List<LocalDate> monthEnds(LocalDate start, LocalDate end) {
    List<LocalDate> days = new ArrayList<>();
    for (YearMonth month = YearMonth.from(start); !month.isAfter(YearMonth.from(end)); month = month.plusMonths(1)) {
      LocalDate last = month.atEndOfMonth();
      days.add(last.isAfter(end) ? end : last);
    }
    return days;
  }

  /** The progress report days before the term's end, then the end: where one stage ends and is inspected. */
  static List<LocalDate> stageEnds(LocalDate start, LocalDate end, Period reportPeriod) {
    List<LocalDate> days = new ArrayList<>(AgreementTerm.reportDates(start, end, reportPeriod).stream()
        .filter(d -> d.isBefore(end)).toList());
    days.add(end);
    return days;
  }

  private static void split(List<Agreement.Instalment> instalments, InstalmentKind kind, List<LocalDate> days, long payment) {
    long part = payment / days.size();
    for (int i = 0; i < days.size(); i++) {
      long amount = i == days.size() - 1 ? payment - part * (days.size() - 1) : part;
      instalments.add(new Agreement.Instalment(i + 1, kind.code(), days.get(i), amount));
    }
  }

  /** One line per instalment, as the forms and the 協定書 show them: 「第1回 2026年4月30日以後 その月の… 66,666円」. */
  static String text(List<Agreement.Instalment> instalments) {
    List<String> lines = new ArrayList<>();
    for (Agreement.Instalment i : instalments) {
      lines.add("第" + i.number() + "回　" + AgreementDocument.date(i.dueOn()) + "以後　"
          + AgreementDocument.label(InstalmentKind.class, i.kind()) + "　" + AgreementDocument.yen(i.amount()));
    }
    return String.join("\n", lines);
  }
}
