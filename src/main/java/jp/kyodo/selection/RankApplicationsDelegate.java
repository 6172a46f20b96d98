package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.forms.Options;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.PartnerFixation;
import jp.kyodo.selection.ScoreAggregation.Criterion;
import jp.kyodo.selection.ScoreAggregation.Result;
import jp.kyodo.selection.SelectionRepository.Application;
import jp.kyodo.selection.SelectionRepository.Call;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Aggregates the reviewers' scores into the ranking the committee decides on (see
 * {@link ScoreAggregation}: weighted mean over non-conflicted reviewers, quorum, explicit tie rule),
 * keeps it in the record, and warns when a ranked organisation has held the department's
 * collaboration for the fixation limit in a row (千葉県 マニュアル ②). Only applications that met the
 * quorum can be chosen; "none suitable" can always be (旭川 Q44).
 */
@Component("rankApplications")
public class RankApplicationsDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SelectionRepository records;
  private final OrganisationRepository registry;
  private final PartnerFixation fixation;

  public RankApplicationsDelegate(SelectionRepository records, OrganisationRepository registry, PartnerFixation fixation) {
    this.records = records;
    this.registry = registry;
    this.fixation = fixation;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Call call = records.call(CALL_NUMBER.get(execution)).orElseThrow();
    Map<String, Application> eligible = new LinkedHashMap<>();
    records.applications(call.callNumber()).stream().filter(a -> Boolean.TRUE.equals(a.eligible()))
        .forEach(a -> eligible.put(a.applicationId(), a));
    Set<String> ids = new LinkedHashSet<>(eligible.keySet());
    List<Result> results = ScoreAggregation.rank(call.criteria(), ids, records.reviews(call.callNumber()), call.quorum());
    records.recordRanking(results);

    List<Map<String, Object>> ranking = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    Map<String, String> candidates = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (Result result : results) {
      Application application = eligible.get(result.applicationId());
      String name = registry.find(application.organisationId()).map(o -> o.name()).orElse(application.organisationId());
      int years = fixation.consecutiveYearsBefore(application.organisationId(), call.departmentGroup(), call.fiscalYear());
      boolean fixed = years >= fixation.years();
      if (fixed) {
        warnings.add(name + "はこの課の協働事業を" + years + "年度続けて担っています");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("applicationId", result.applicationId());
      row.put("organisation", name);
      row.put("weightedScore", result.weightedScore());
      row.put("reviews", result.reviews());
      row.put("quorumMet", result.quorumMet());
      row.put("rank", result.rank());
      row.put("tied", result.tied());
      row.put("meanByCriterion", result.meanByCriterion());
      row.put("fixationYears", years);
      ranking.add(row);

      String place = result.quorumMet() ? result.rank() + "位" + (result.tied() ? "（同点）" : "") : "順位なし（審査数不足）";
      summary.append(place).append(" ").append(result.applicationId()).append(" ").append(name)
          .append(" 総合点 ").append(String.format("%.3f", result.weightedScore()))
          .append("（審査 ").append(result.reviews()).append("件）").append(criteriaMeans(call.criteria(), result))
          .append(fixed ? " ※固定化の注意" : "").append('\n');
      if (result.quorumMet()) {
        candidates.put(result.applicationId(), place + " " + name + "（" + String.format("%.3f", result.weightedScore()) + "点）");
      }
    }
    candidates.put(NONE_SUITABLE, "該当なし（いずれも選定しない）");
    execution.setVariable(RANKING, SpinValues.jsonValue(JSON.writeValueAsString(ranking)).create());
    RANKING_SUMMARY.set(execution, summary.toString().strip());
    execution.setVariable(CANDIDATE_OPTIONS, Options.json(candidates));
    FIXATION_WARNING.set(execution, warnings.isEmpty() ? "固定化の注意が必要な応募団体はありません。"
        : String.join("。", warnings) + "。選定する場合は、固定化してもよい理由を選定の理由に書いてください（千葉県 協働推進マニュアル ②）。");
  }

  static String criteriaMeans(List<Criterion> criteria, Result result) {
    StringBuilder text = new StringBuilder(" [");
    for (int i = 0; i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      text.append(i == 0 ? "" : "、").append(c.label()).append(" ")
          .append(String.format("%.2f", result.meanByCriterion().get(c.id())));
    }
    return text.append("]").toString();
  }
}
