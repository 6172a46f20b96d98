package jp.kyodo.agreement;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of an agreement's term. A term lies within one fiscal year (旭川 Q31, 地方自治法 第208条; the calendar is
 * {@link jp.kyodo.platform.CityCalendar}'s); longer work is split into yearly agreements with intermediate goals.
 */
public final class AgreementTerm {

  private AgreementTerm() {}

  /** The progress report dates of a term: every period after the start, up to and including the last day. */
  public static List<LocalDate> reportDates(LocalDate start, LocalDate end, Period period) {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = start.plus(period); !d.isAfter(end); d = d.plus(period)) {
      dates.add(d);
    }
    return dates;
  }
}
