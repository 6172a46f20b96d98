package jp.kyodo.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.kyodo.platform.CityCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many writes one client address may send to the public registration routes per hour (apply, confirm, set a
 * password; every attempt counts, refused or not). Kept in memory, per node: with two nodes behind the load balancer
 * a client gets up to twice the number, which is acceptable for what it is for — slowing a script down. The limit
 * per e-mail address, which matters more, is counted in the database ({@link RegistrationRequests}). Behind a proxy
 * the client address is the one the proxy reports ({@code server.forward-headers-strategy: native} in production).
 */
@Component
public class ClientLimit {

  static final Duration WINDOW = Duration.ofHours(1);

  private final int perHour;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  public ClientLimit(@Value("${kyodo.registration.per-client-per-hour:20}") int perHour) {
    this.perHour = perHour;
  }

  /** Counts this attempt; false when the client has used up its hour. */
  public boolean tryAcquire(String client) {
    Instant now = CityCalendar.now();
    if (recent.size() > 10_000) {
      recent.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(WINDOW));
        }
      });
    }
    Deque<Instant> times = recent.computeIfAbsent(client == null ? "?" : client, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && (times.peekFirst().isBefore(now.minus(WINDOW)) || times.peekFirst().isAfter(now))) {
        times.pollFirst();
      }
      if (times.size() >= perHour) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }

  int perHour() {
    return perHour;
  }

  /** Forgets every count (tests; a restart does the same). */
  public void clear() {
    recent.clear();
  }
}
