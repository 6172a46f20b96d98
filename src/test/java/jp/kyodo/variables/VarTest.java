package jp.kyodo.variables;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** A variable is written only when its value changes (each write is a history row at history level full). */
class VarTest {

  VariableScope holding(String name, Object value) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(name)).thenReturn(value);
    return scope;
  }

  @Test
  void theSameValueIsNotWrittenAgain() {
    VariableScope scope = holding("phaseLabel", "② パートナーの選定");
    Var.string("phaseLabel").set(scope, "② パートナーの選定");
    verify(scope, never()).setVariable(anyString(), any());

    VariableScope flag = holding("phaseOverdue", false);
    Var.bool("phaseOverdue").set(flag, false);
    verify(flag, never()).setVariable(anyString(), any());

    VariableScope due = holding("phaseDueDate", new Date(1_800_000_000_000L));
    Var.date("phaseDueDate").set(due, new Date(1_800_000_000_000L));
    verify(due, never()).setVariable(anyString(), any());
  }

  @Test
  void aChangedValueAnotherTypeOrNullIsWritten() {
    VariableScope scope = holding("phaseLabel", "① 事業の検討");
    Var.string("phaseLabel").set(scope, "② パートナーの選定");
    verify(scope).setVariable("phaseLabel", "② パートナーの選定");

    VariableScope integer = holding("round", 1);
    Var.number("round").set(integer, 1L);
    verify(integer).setVariable("round", 1L);

    VariableScope absent = holding("partnerName", null);
    Var.string("partnerName").set(absent, "NPO法人ひかり");
    verify(absent).setVariable("partnerName", "NPO法人ひかり");

    VariableScope cleared = holding("partnerGroup", "org-hikari");
    Var.string("partnerGroup").set(cleared, null);
    verify(cleared).setVariable("partnerGroup", null);
  }
}
