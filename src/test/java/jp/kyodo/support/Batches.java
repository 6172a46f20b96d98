package jp.kyodo.support;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/** Runs an engine batch to its end in the test's thread, as the nodes' job executors would (they are off in tests). */
public final class Batches {

  private Batches() {}

  /** The seed, the batch jobs and the monitor, round after round until none is left. */
  public static void run(ProcessEngine engine, String batchId) {
    Batch batch = engine.getManagementService().createBatchQuery().batchId(batchId).singleResult();
    Set<String> definitions = Set.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId());
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().list().stream()
          .filter(j -> j.getJobDefinitionId() != null && definitions.contains(j.getJobDefinitionId())).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }
    throw new AssertionError("the batch does not end");
  }
}
