package jp.kyodo.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock: the time every timer, due date and record goes by (tests move it). */
public final class EngineClock {

  private EngineClock() {}

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }
}
