package jp.kyodo.agreement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Dates of a collaboration term. Work with the city runs within one fiscal year, 1 April to 31 March
 * (旭川 Q31, 地方自治法 第208条); longer work is split into yearly agreements with intermediate goals.
 */
public final class FiscalTerm {

  public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");

  private FiscalTerm() {}

  public static LocalDate firstDay(long fiscalYear) {
    return LocalDate.of((int) fiscalYear, 4, 1);
  }

  public static LocalDate lastDay(long fiscalYear) {
    return LocalDate.of((int) fiscalYear + 1, 3, 31);
  }

  public static boolean within(long fiscalYear, LocalDate day) {
    return !day.isBefore(firstDay(fiscalYear)) && !day.isAfter(lastDay(fiscalYear));
  }

  /** Today in the city, on the engine's clock (tests move it). */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(CITY_ZONE).toLocalDate();
  }

  /** The fiscal year today falls in. */
  public static long currentFiscalYear() {
    LocalDate today = today();
    return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
  }

  /** A date as the forms keep it ({@code 2026-04-01}); empty when absent or malformed (its own field reports that). */
  public static Optional<LocalDate> parse(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The progress report dates of a term: every period after the start, up to and including the last day. */
  public static List<LocalDate> reportDates(LocalDate start, LocalDate end, java.time.Period period) {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = start.plus(period); !d.isAfter(end); d = d.plus(period)) {
      dates.add(d);
    }
    return dates;
  }
}
