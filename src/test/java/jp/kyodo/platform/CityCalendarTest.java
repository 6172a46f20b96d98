package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CityCalendarTest {

  static Instant japan(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(CityCalendar.ZONE).toInstant();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theFiscalYearStartsOnTheFirstOfAprilInJapan() {
    assertThat(CityCalendar.fiscalYearOf(japan("2027-03-31T23:59"))).isEqualTo(2026);
    assertThat(CityCalendar.fiscalYearOf(japan("2027-04-01T00:00"))).isEqualTo(2027);
    // 1 April 00:30 in Japan is still 31 March in UTC.
    assertThat(CityCalendar.fiscalYearOf(Instant.parse("2027-03-31T15:30:00Z"))).isEqualTo(2027);
    assertThat(CityCalendar.isInFiscalYear(2026, LocalDate.of(2026, 4, 1))).isTrue();
    assertThat(CityCalendar.isInFiscalYear(2026, LocalDate.of(2027, 3, 31))).isTrue();
    assertThat(CityCalendar.isInFiscalYear(2026, LocalDate.of(2026, 3, 31))).isFalse();
    assertThat(CityCalendar.isInFiscalYear(2026, LocalDate.of(2027, 4, 1))).isFalse();
  }

  @Test
  void todayAndTheFiscalYearFollowTheEnginesClock() {
    ClockUtil.setCurrentTime(Date.from(japan("2027-03-31T23:59")));
    assertThat(CityCalendar.now()).isEqualTo(japan("2027-03-31T23:59"));
    assertThat(CityCalendar.today()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(CityCalendar.currentFiscalYear()).isEqualTo(2026);
    assertThat(CityCalendar.isFiscalYearWithin(2026, 0, 5)).isTrue();
    assertThat(CityCalendar.isFiscalYearWithin(2031, 0, 5)).isTrue();
    assertThat(CityCalendar.isFiscalYearWithin(2032, 0, 5)).isFalse();
    assertThat(CityCalendar.isFiscalYearWithin(2025, 0, 5)).isFalse();
    assertThat(CityCalendar.isFiscalYearWithin(2021, -5, 0)).isTrue();
    assertThat(CityCalendar.isFiscalYearWithin(2027, -5, 0)).isFalse();
  }

  @Test
  void aDayAsTheFormsKeepIt() {
    assertThat(CityCalendar.parseDay("2026-04-01")).contains(LocalDate.of(2026, 4, 1));
    assertThat(CityCalendar.parseDay(" 2026-04-01 ")).contains(LocalDate.of(2026, 4, 1));
    assertThat(CityCalendar.parseDay("2026-13-01")).isEmpty();
    assertThat(CityCalendar.parseDay("")).isEmpty();
    assertThat(CityCalendar.parseDay(null)).isEmpty();
    assertThat(CityCalendar.startOf(LocalDate.of(2026, 4, 1))).isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
  }
}
