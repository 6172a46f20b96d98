package jp.kyodo.bench;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock is one for the whole JVM, so clients that run lifecycles side by side move it together: each
 * client asks for the same moment at the same point of its script, the last one to arrive sets the clock and runs
 * every job that has come due (as the job executor would, through the job API), then all go on. One client alone
 * does the same without waiting. The yardstick's clients pass the same points, so both sides carry the same
 * synchronisation.
 */
final class Lockstep {

  private final CyclicBarrier barrier;
  private final ManagementService jobs;
  private final List<Instant> requested = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private final AtomicReference<RuntimeException> disagreement = new AtomicReference<>();
  private volatile int jobsRun;
  /** Whose due jobs a move of the clock runs: every job, or only those of some processes. */
  private final java.util.function.Predicate<Job> whose;

  Lockstep(int clients, ManagementService jobs) {
    this(clients, jobs, job -> true);
  }

  /**
   * Runs only the due jobs {@code whose} accepts: the browser probe drives its lifecycles after the data set is made,
   * and moving the clock years ahead must not fire the timers of the data set's thousands of lifecycles.
   */
  Lockstep(int clients, ManagementService jobs, java.util.function.Predicate<Job> whose) {
    this.jobs = jobs;
    this.whose = whose;
    this.barrier = new CyclicBarrier(clients, this::tick);
  }

  /** Moves the clock to {@code at} (all clients agree on it), then runs the jobs due. */
  void moveTo(Instant at) {
    requested.add(at);
    try {
      barrier.await(300, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (BrokenBarrierException | TimeoutException e) {
      throw new IllegalStateException("another client failed or did not arrive", e);
    }
    RuntimeException problem = disagreement.get();
    if (problem != null) {
      throw problem;
    }
  }

  /** Lets waiting clients fail instead of waiting for one that has failed. */
  void abort() {
    barrier.reset();
  }

  int jobsRun() {
    return jobsRun;
  }

  private void tick() {
    List<Instant> all;
    synchronized (requested) {
      all = List.copyOf(requested);
      requested.clear();
    }
    if (all.stream().distinct().count() != 1) {
      disagreement.compareAndSet(null, new IllegalStateException("clients disagree on the clock: " + all));
      return;
    }
    ClockUtil.setCurrentTime(Date.from(all.get(0)));
    jobsRun += runDueJobs(jobs, whose);
  }

  /** Every job due on the current clock, until none is left (a job may make another due). */
  static int runDueJobs(ManagementService jobs) {
    return runDueJobs(jobs, job -> true);
  }

  static int runDueJobs(ManagementService jobs, java.util.function.Predicate<Job> whose) {
    int ran = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> due = jobs.createJobQuery().executable().list().stream().filter(whose).toList();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        jobs.executeJob(job.getId());
        ran++;
      }
    }
    throw new IllegalStateException("jobs keep coming due");
  }
}
