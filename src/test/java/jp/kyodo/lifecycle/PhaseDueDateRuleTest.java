package jp.kyodo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import jp.kyodo.platform.CityCalendar;
import org.junit.jupiter.api.Test;

/** How the calendar's rows become due moments (see {@link PhaseDueDateRule}), on the real table. */
class PhaseDueDateRuleTest {

  final PhaseDueDateRule rule = new PhaseDueDateRule(Duration.ofDays(30));

  static Instant japan(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(CityCalendar.ZONE).toInstant();
  }

  PhaseDueDateRule.Due due(Phase phase, String pattern, Long fiscalYear, String now) {
    return rule.due(phase, pattern, fiscalYear, japan(now), PhaseDueDateTableTest.calendar());
  }

  @Test
  void aLaterPhaseIsDueOnItsCalendarDayAt2359InJapan() {
    PhaseDueDateRule.Due due = due(Phase.AGREEMENT, "NEXT_YEAR", 2027L, "2026-10-01T10:00");
    assertThat(due.at()).isEqualTo(Date.from(japan("2027-04-30T23:59")));
    assertThat(due.rule()).contains("4月に協定書・契約書等を締結する（旭川 Q52）");
    assertThat(due(Phase.SELECTION, "CURRENT_YEAR", 2027L, "2027-02-01T10:00").at())
        .isEqualTo(Date.from(japan("2027-05-31T23:59")));
    assertThat(due(Phase.EXECUTION, "CURRENT_YEAR", 2027L, "2027-06-01T10:00").at())
        .isEqualTo(Date.from(japan("2028-04-15T23:59")));
  }

  @Test
  void theExaminationIsDueInTheNextWindowThatHasNotPassed() {
    // Proposed in May 2026: 翌年度実施型 decides issue and form in April–June before fiscal year 2027.
    assertThat(due(Phase.EXAMINATION, "NEXT_YEAR", null, "2026-05-01T10:00").at())
        .isEqualTo(Date.from(japan("2026-06-30T23:59")));
    // Proposed in December 2026: that window has passed; the next is before fiscal year 2028.
    assertThat(due(Phase.EXAMINATION, "NEXT_YEAR", null, "2026-12-01T10:00").at())
        .isEqualTo(Date.from(japan("2027-06-30T23:59")));
    // In March, still fiscal year 2026: the window of June 2026 has passed too.
    assertThat(due(Phase.EXAMINATION, "NEXT_YEAR", null, "2027-03-15T10:00").at())
        .isEqualTo(Date.from(japan("2027-06-30T23:59")));
    // Before the pattern is chosen: the later window, September–October.
    assertThat(due(Phase.EXAMINATION, null, null, "2026-07-01T10:00").at())
        .isEqualTo(Date.from(japan("2026-10-31T23:59")));
  }

  @Test
  void aPhaseThatStartsAfterItsCalendarDayGetsTheMinimumLead() {
    PhaseDueDateRule.Due due = due(Phase.AGREEMENT, "NEXT_YEAR", 2028L, "2028-04-20T10:00");
    assertThat(due.at()).isEqualTo(Date.from(japan("2028-05-20T23:59")));
    assertThat(due.rule()).contains("暦の期限（2028-04-30）を過ぎてから始まったため、始めてから30日後を期限とする");
    // Close to the calendar day counts as late too: never less than the lead.
    assertThat(due(Phase.EXAMINATION, "NEXT_YEAR", null, "2026-06-20T10:00").at())
        .isEqualTo(Date.from(japan("2026-07-20T23:59")));
    assertThat(new PhaseDueDateRule(Duration.ZERO).due(Phase.AGREEMENT, "NEXT_YEAR", 2028L, japan("2028-04-30T10:00"),
        PhaseDueDateTableTest.calendar()).at()).isEqualTo(Date.from(japan("2028-04-30T23:59")));
  }

  @Test
  void aPhaseAfterTheExaminationNeedsTheFiscalYearAndARow() {
    assertThatThrownBy(() -> due(Phase.SELECTION, "NEXT_YEAR", null, "2026-05-01T10:00"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no fiscal year");
    assertThatThrownBy(() -> due(Phase.SELECTION, null, 2027L, "2026-05-01T10:00"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no row for UNDECIDED / SELECTION");
    assertThatThrownBy(() -> new PhaseDueDateRule(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
