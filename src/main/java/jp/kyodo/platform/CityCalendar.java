package jp.kyodo.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import jp.kyodo.engine.EngineClock;

/**
 * The city's calendar: its time zone, its fiscal year and what time it is. Every phase reads dates here so
 * that a deadline, a due date and a fiscal year mean the same to a form, a timer and a record.
 * <ul>
 *   <li>The city keeps Japan's time; a day is a day in Japan whatever the server's zone.</li>
 *   <li>The fiscal year (会計年度, 地方自治法 第208条) runs from 1 April to 31 March and is named by the year it
 *   starts in: 2026 is 1 April 2026 – 31 March 2027.</li>
 *   <li>"Now" is the engine's clock, not the machine's: the tests move it, and timers fire by it.</li>
 * </ul>
 */
public final class CityCalendar {

  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  private CityCalendar() {}

  /** This moment on the engine's clock. */
  public static Instant now() {
    return EngineClock.now().toInstant();
  }

  /** Today in the city. */
  public static LocalDate today() {
    return dayOf(now());
  }

  /** A moment as the city's wall clock shows it. */
  public static ZonedDateTime inCity(Instant moment) {
    return moment.atZone(ZONE);
  }

  /** The city's day a moment falls on. */
  public static LocalDate dayOf(Instant moment) {
    return inCity(moment).toLocalDate();
  }

  /** A time of a day in the city. */
  public static ZonedDateTime at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(ZONE);
  }

  /** The first moment of a day in the city. */
  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }

  /** The fiscal year a day falls in. */
  public static long fiscalYearOf(LocalDate day) {
    return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
  }

  /** The fiscal year a moment falls in, in the city. */
  public static long fiscalYearOf(Instant moment) {
    return fiscalYearOf(dayOf(moment));
  }

  /** The fiscal year today falls in. */
  public static long currentFiscalYear() {
    return fiscalYearOf(today());
  }

  /**
   * Whether a fiscal year lies between {@code from} and {@code to} years from the current one, both included
   * (0 is this year, 1 the next, -1 the last).
   */
  public static boolean isFiscalYearWithin(long fiscalYear, int from, int to) {
    long current = currentFiscalYear();
    return fiscalYear >= current + from && fiscalYear <= current + to;
  }

  /** Whether a day lies within the fiscal year (1 April to 31 March). */
  public static boolean isInFiscalYear(long fiscalYear, LocalDate day) {
    return fiscalYearOf(day) == fiscalYear;
  }

  /** A day as forms and variables keep it ({@code 2026-04-01}); empty when absent or malformed (its own field reports that). */
  public static Optional<LocalDate> parseDay(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
