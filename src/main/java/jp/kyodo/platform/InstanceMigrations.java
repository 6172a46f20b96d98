package jp.kyodo.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.kyodo.forms.FormFile;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Moves the running instances of a process to its latest version with the engine's migration API (which the free
 * Cockpit does not offer): a plan from each older version that has instances, mapping each activity to the one of the
 * same id; what moves where, counted over the instances' activity instances; what stops it (an activity with
 * instances and no counterpart, a required start value the instances lack, the engine's own refusal of an
 * instruction); and a fingerprint of all that, so that what is executed is what was shown. Execution is a batch per
 * source version, run by the job executors of whichever nodes are up.
 */
public final class InstanceMigrations {

  /** The batch type of an instance migration (Camunda's {@code Batch.TYPE_PROCESS_INSTANCE_MIGRATION}). */
  static final String BATCH_TYPE = Batch.TYPE_PROCESS_INSTANCE_MIGRATION;

  private final ProcessEngine engine;

  public InstanceMigrations(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Where activity instances of one source activity go, and how many. */
  public record Move(String sourceActivityId, String sourceActivityName, String targetActivityId,
      String targetActivityName, long activityInstances) {}

  /** An activity of the old version that has instances but no counterpart in the new one. */
  public record Unmapped(String activityId, String activityName, long activityInstances) {}

  /** A value the new version requires at its start (its start form) that some instances do not have. */
  public record MissingVariable(String name, String label, long instancesWithout, boolean given) {}

  /** The plan from one older version. */
  public record SourcePlan(String definitionId, int version, List<String> instanceIds, List<Move> moves,
      List<Unmapped> unmapped, List<MissingVariable> missingVariables, List<String> problems, MigrationPlan plan) {

    public boolean executable() {
      return plan != null && unmapped.isEmpty() && problems.isEmpty()
          && missingVariables.stream().allMatch(MissingVariable::given);
    }
  }

  /** The whole plan for a process key; {@code fingerprint} names exactly what it would do. */
  public record Plan(String processKey, String targetDefinitionId, int targetVersion, String targetName,
      List<SourcePlan> sources, Map<String, Object> variables, String fingerprint) {

    public boolean executable() {
      return !sources.isEmpty() && sources.stream().allMatch(SourcePlan::executable);
    }

    public long instances() {
      return sources.stream().mapToLong(s -> s.instanceIds().size()).sum();
    }
  }

  /** A batch started for one source version. */
  public record Started(String sourceDefinitionId, int sourceVersion, long instances, String batchId) {}

  /** How far a migration batch is. */
  public record Progress(String batchId, boolean finished, int totalJobs, long remainingJobs, long completedJobs,
      long failedJobs) {}

  /** The process key has no deployed version. */
  public static final class UnknownProcess extends RuntimeException {
    UnknownProcess(String key) {
      super(key);
    }
  }

  /** The version to migrate from is not older than the latest. */
  public static final class NoSuchSourceVersion extends RuntimeException {
    NoSuchSourceVersion(String message) {
      super(message);
    }
  }

  /**
   * The plan to move the instances of {@code processKey} from {@code fromVersion} (or from every older version that
   * has instances, when null) to the latest version, with {@code variables} set on every migrated instance. Reads
   * only.
   */
  public Plan plan(String processKey, Integer fromVersion, Map<String, Object> variables) {
    List<ProcessDefinition> versions = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).orderByProcessDefinitionVersion().asc().list();
    if (versions.isEmpty()) {
      throw new UnknownProcess(processKey);
    }
    ProcessDefinition target = versions.get(versions.size() - 1);
    if (fromVersion != null && (fromVersion >= target.getVersion()
        || versions.stream().noneMatch(d -> d.getVersion() == fromVersion))) {
      throw new NoSuchSourceVersion("「" + processKey + "」の版 " + fromVersion + " から移すことはできません（最新の版は "
          + target.getVersion() + "、移せるのはそれより古い版です）。");
    }
    Map<String, Object> given = variables == null ? Map.of() : new TreeMap<>(variables);
    BpmnModelInstance targetModel = engine.getRepositoryService().getBpmnModelInstance(target.getId());
    Map<String, String> targetRequires = requiredAtStart(target.getId());
    List<SourcePlan> sources = new ArrayList<>();
    for (ProcessDefinition source : versions) {
      if (source.getVersion() >= target.getVersion() || (fromVersion != null && source.getVersion() != fromVersion)) {
        continue;
      }
      List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list().stream()
          .map(ProcessInstance::getId).toList();
      if (instances.isEmpty()) {
        continue;
      }
      sources.add(sourcePlan(source, target, targetModel, targetRequires, instances, given));
    }
    return new Plan(processKey, target.getId(), target.getVersion(), target.getName(), List.copyOf(sources),
        Map.copyOf(given), fingerprint(target, sources, given));
  }

  private SourcePlan sourcePlan(ProcessDefinition source, ProcessDefinition target, BpmnModelInstance targetModel,
      Map<String, String> targetRequires, List<String> instances, Map<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    MigrationPlan plan = null;
    try {
      MigrationPlanBuilder builder = engine.getRuntimeService().createMigrationPlan(source.getId(), target.getId())
          .mapEqualActivities();
      if (!variables.isEmpty()) {
        builder.setVariables(variables);
      }
      plan = builder.build();
    } catch (MigrationPlanValidationException refused) {
      for (MigrationInstructionValidationReport report : refused.getValidationReport().getInstructionReports()) {
        MigrationInstruction instruction = report.getMigrationInstruction();
        problems.add("「" + instruction.getSourceActivityId() + "」から「" + instruction.getTargetActivityId()
            + "」へは移せません: " + readable(report.getFailures()));
      }
      for (Map.Entry<String, MigrationVariableValidationReport> report
          : refused.getValidationReport().getVariableReports().entrySet()) {
        problems.add("変数「" + report.getKey() + "」は設定できません: " + readable(report.getValue().getFailures()));
      }
    }
    Map<String, String> instructions = new TreeMap<>();
    if (plan != null) {
      for (MigrationInstruction instruction : plan.getInstructions()) {
        instructions.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
      }
    }
    Map<String, Long> waiting = new TreeMap<>();
    for (String instance : instances) {
      ActivityInstance tree = engine.getRuntimeService().getActivityInstance(instance);
      if (tree != null) {
        count(tree, waiting);
      }
    }
    BpmnModelInstance sourceModel = engine.getRepositoryService().getBpmnModelInstance(source.getId());
    List<Move> moves = new ArrayList<>();
    List<Unmapped> unmapped = new ArrayList<>();
    waiting.forEach((activity, count) -> {
      String targetActivity = instructions.get(activity);
      if (targetActivity == null) {
        unmapped.add(new Unmapped(activity, nameOf(sourceModel, activity), count));
      } else {
        moves.add(new Move(activity, nameOf(sourceModel, activity), targetActivity, nameOf(targetModel, targetActivity),
            count));
      }
    });
    Map<String, String> sourceRequires = requiredAtStart(source.getId());
    List<MissingVariable> missing = new ArrayList<>();
    targetRequires.forEach((name, label) -> {
      if (!sourceRequires.containsKey(name)) {
        long having = engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(
            instances.toArray(String[]::new)).variableName(name).list().stream()
            .filter(v -> v.getExecutionId().equals(v.getProcessInstanceId())).count();
        if (having < instances.size()) {
          missing.add(new MissingVariable(name, label, instances.size() - having, variables.containsKey(name)));
        }
      }
    });
    return new SourcePlan(source.getId(), source.getVersion(), instances, List.copyOf(moves), List.copyOf(unmapped),
        List.copyOf(missing), List.copyOf(problems), plan);
  }

  /** The engine's reasons as a clerk may read them (see {@link ServerErrors#readable}). */
  private static String readable(List<String> failures) {
    return String.join(" / ", failures.stream().map(ServerErrors::readable).filter(java.util.Objects::nonNull).toList());
  }

  /** Counts every activity instance and transition instance below the process instance by its activity id. */
  private static void count(ActivityInstance scope, Map<String, Long> byActivity) {
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      byActivity.merge(child.getActivityId(), 1L, Long::sum);
      count(child, byActivity);
    }
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      byActivity.merge(transition.getActivityId(), 1L, Long::sum);
    }
  }

  private static String nameOf(BpmnModelInstance model, String activityId) {
    // A multi-instance activity's body is an activity of its own to the engine, named by its inner activity.
    String elementId = activityId.replace("#multiInstanceBody", "");
    ModelElementInstance element = model == null ? null : model.getModelElementById(elementId);
    String name = element instanceof FlowElement flow ? flow.getName() : null;
    return name == null ? elementId : name;
  }

  /** The inputs a version's start form requires whatever else is entered (name → label); none without a form. */
  private Map<String, String> requiredAtStart(String definitionId) {
    StartFormData start = engine.getFormService().getStartFormData(definitionId);
    Map<String, String> required = new TreeMap<>();
    if (start == null || start.getCamundaFormRef() == null) {
      return required;
    }
    try (InputStream form = engine.getFormService().getDeployedStartForm(definitionId)) {
      for (FormFile.Field field : FormFile.parse(form.readAllBytes()).fields()) {
        if (field.required() && !field.readonly() && field.hide() == null) {
          required.put(field.key(), field.label());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the start form of " + definitionId, e);
    }
    return required;
  }

  private static String fingerprint(ProcessDefinition target, List<SourcePlan> sources, Map<String, Object> variables) {
    StringBuilder text = new StringBuilder(target.getId());
    for (SourcePlan source : sources) {
      text.append('\n').append(source.definitionId()).append(' ').append(new TreeSet<>(source.instanceIds()));
      source.moves().forEach(m -> text.append('\n').append(m));
      source.unmapped().forEach(u -> text.append('\n').append(u));
      source.missingVariables().forEach(v -> text.append('\n').append(v));
      source.problems().forEach(p -> text.append('\n').append(p));
    }
    variables.forEach((name, value) -> text.append('\n').append(name).append('=')
        .append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts one batch per source version of an executable plan; the job executors of every node run them. */
  public List<Started> execute(Plan plan) {
    if (!plan.executable()) {
      throw new IllegalStateException("the plan is not executable");
    }
    List<Started> started = new ArrayList<>();
    for (SourcePlan source : plan.sources()) {
      Batch batch = engine.getRuntimeService().newMigration(source.plan()).processInstanceIds(source.instanceIds())
          .executeAsync();
      started.add(new Started(source.definitionId(), source.version(), source.instanceIds().size(), batch.getId()));
    }
    return started;
  }

  /** The progress of a migration batch; null for a batch that is not a migration or does not exist. */
  public Progress progress(String batchId) {
    BatchStatistics running = engine.getManagementService().createBatchStatisticsQuery().batchId(batchId)
        .type(BATCH_TYPE).singleResult();
    if (running != null) {
      return new Progress(batchId, false, running.getTotalJobs(), running.getRemainingJobs(),
          running.getCompletedJobs(), running.getFailedJobs());
    }
    HistoricBatch ended = engine.getHistoryService().createHistoricBatchQuery().batchId(batchId).type(BATCH_TYPE)
        .singleResult();
    if (ended == null) {
      return null;
    }
    return new Progress(batchId, ended.getEndTime() != null, ended.getTotalJobs(), 0, ended.getTotalJobs(), 0);
  }

  /** Plain text of a plan for people: what moves where, and what stops it. */
  public static Map<String, Object> view(Plan plan) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("processKey", plan.processKey());
    out.put("target", Map.of("definitionId", plan.targetDefinitionId(), "version", plan.targetVersion(),
        "name", plan.targetName() == null ? plan.processKey() : plan.targetName()));
    out.put("instances", plan.instances());
    out.put("executable", plan.executable());
    out.put("fingerprint", plan.fingerprint());
    List<Map<String, Object>> sources = new ArrayList<>();
    for (SourcePlan source : plan.sources()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("definitionId", source.definitionId());
      s.put("version", source.version());
      s.put("instances", source.instanceIds().size());
      s.put("executable", source.executable());
      s.put("moves", source.moves());
      s.put("unmapped", source.unmapped());
      s.put("missingVariables", source.missingVariables());
      s.put("problems", explanations(source));
      sources.add(s);
    }
    out.put("sources", sources);
    out.put("message", message(plan));
    return out;
  }

  /** Why a source version cannot be moved, one sentence each, in Japanese then English. */
  static List<String> explanations(SourcePlan source) {
    List<String> out = new ArrayList<>(source.problems());
    for (Unmapped u : source.unmapped()) {
      out.add("版 " + source.version() + " の「" + u.activityName() + "」（" + u.activityId() + "）に " + u.activityInstances()
          + " 件ありますが、新しい版に同じ ID の要素がありません。 / Activity '" + u.activityId()
          + "' has instances but no counterpart in the new version.");
    }
    for (MissingVariable v : source.missingVariables()) {
      if (!v.given()) {
        out.add("新しい版は開始時に「" + v.label() + "」（" + v.name() + "）を必要としますが、" + v.instancesWithout()
            + " 件のインスタンスにありません。variables で値を与えてください。 / The new version requires '" + v.name()
            + "', which " + v.instancesWithout() + " instance(s) lack; give it in 'variables'.");
      }
    }
    return out;
  }

  static String message(Plan plan) {
    if (plan.sources().isEmpty()) {
      return "古い版で動いているインスタンスはありません。移すものはありません。";
    }
    return plan.executable()
        ? plan.instances() + " 件のインスタンスを版 " + plan.targetVersion() + " に移せます。この計画の fingerprint を付けて実行してください。"
        : "このままでは移せません。sources の problems を見て、図を直すか、variables を与えてください。何も変えていません。";
  }
}
