package jp.kyodo.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.platform.CityCalendar;

/**
 * When a phase is due, by the yearly calendar the project follows (旭川 Q52: 翌年度実施型 or 当年度実施型).
 * The DMN table {@code phase-due-date} gives, per pattern and phase, the last day of the phase's months as an
 * offset from the fiscal year the work is carried out in (the fiscal year runs 1 April – 31 March and is
 * named by the year it starts in); this rule turns that into a moment in the city's time zone:
 * <ul>
 *   <li>① 事業の検討 comes before any fiscal year is fixed: its deadline is the next one of the calendar that has
 *   not passed yet, counted for the earliest year the work could be carried out (next fiscal year). Until ① has
 *   chosen the pattern it is {@value #UNDECIDED}: the table gives the later of the two patterns' months.</li>
 *   <li>Every later phase counts from the project's fiscal year.</li>
 *   <li>A phase that starts when its calendar months have already passed — a continued year, a new call or a
 *   project that ran behind — gets at least the minimum lead ({@code kyodo.lifecycle.minimum-lead}, 30 days), so
 *   it is not overdue the moment it begins.</li>
 * </ul>
 * The due moment is 23:59 of the due day in Japan; the lifecycle escalates to the managers after it.
 */
@org.springframework.stereotype.Component
public final class PhaseDueDateRule {

  /** The pattern ① has not chosen yet. */
  public static final String UNDECIDED = "UNDECIDED";
  static final LocalTime DUE_TIME = LocalTime.of(23, 59);

  /** One row of {@code phase-due-date}: the due day, as year offset from the fiscal year, month and day, and why. */
  public record CalendarEntry(int yearOffset, int month, int day, String rule) {

    /** The row as the decision table's output entries. */
    public static CalendarEntry of(Map<String, Object> entries) {
      return new CalendarEntry(((Number) entries.get("dueYearOffset")).intValue(),
          ((Number) entries.get("dueMonth")).intValue(), ((Number) entries.get("dueDay")).intValue(),
          (String) entries.get("dueRule"));
    }

    LocalDate dayIn(long fiscalYear) {
      return LocalDate.of(Math.toIntExact(fiscalYear + yearOffset), month, day);
    }
  }

  /**
   * Where the rows come from: the DMN table, evaluated by the engine or a test's DMN engine. A step is a phase's
   * code or {@value #NEXT_YEAR_PLAN}.
   */
  @FunctionalInterface
  public interface Calendar {
    Optional<CalendarEntry> entry(String calendarPattern, String step);
  }

  /** The step of a running year that decides how the next fiscal year goes (来年度の進め方), not a phase. */
  public static final String NEXT_YEAR_PLAN = "NEXT_YEAR_PLAN";

  /** The due moment and the explanation shown with it. */
  public record Due(Date at, String rule) {}

  private final Duration minimumLead;

  /** The rule as the application configures it ({@code kyodo.lifecycle.minimum-lead}, 30 days by default). */
  @org.springframework.beans.factory.annotation.Autowired
  public PhaseDueDateRule(@org.springframework.beans.factory.annotation.Value("${kyodo.lifecycle.minimum-lead:P30D}")
      String minimumLead) {
    this(Duration.parse(minimumLead));
  }

  public PhaseDueDateRule(Duration minimumLead) {
    if (minimumLead.isNegative()) {
      throw new IllegalArgumentException("kyodo.lifecycle.minimum-lead must not be negative");
    }
    this.minimumLead = minimumLead;
  }

  public Due due(Phase phase, String calendarPattern, Long fiscalYear, Instant now, Calendar calendar) {
    return due(phase.name(), calendarPattern, fiscalYear, now, calendar);
  }

  public Due due(String step, String calendarPattern, Long fiscalYear, Instant now, Calendar calendar) {
    String pattern = calendarPattern == null ? UNDECIDED : calendarPattern;
    CalendarEntry entry = calendar.entry(pattern, step).orElseThrow(() -> new IllegalStateException(
        "phase-due-date has no row for " + pattern + " / " + step));
    LocalDate day;
    if (Phase.EXAMINATION.name().equals(step)) {
      long year = CityCalendar.fiscalYearOf(now) + 1;
      while (endOf(entry.dayIn(year)).isBefore(now)) {
        year++;
      }
      day = entry.dayIn(year);
    } else {
      if (fiscalYear == null) {
        throw new IllegalStateException("the project has no fiscal year when entering " + step);
      }
      day = entry.dayIn(fiscalYear);
    }
    LocalDate earliest = CityCalendar.dayOf(now.plus(minimumLead));
    if (day.isBefore(earliest)) {
      long days = ChronoUnit.DAYS.between(CityCalendar.dayOf(now), earliest);
      return new Due(Date.from(endOf(earliest)), entry.rule() + " 暦の期限（" + day + "）を過ぎてから始まったため、始めてから"
          + days + "日後を期限とする。");
    }
    return new Due(Date.from(endOf(day)), entry.rule());
  }

  static Instant endOf(LocalDate day) {
    return CityCalendar.at(day, DUE_TIME).toInstant();
  }
}
