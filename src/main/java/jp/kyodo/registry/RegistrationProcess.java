package jp.kyodo.registry;

import jp.kyodo.forms.Labeled;
import jp.kyodo.variables.ListVar;
import jp.kyodo.variables.Var;

/** 団体登録 (事前登録, 旭川 Q42): key, element ids and variables of processes/partner-registration.bpmn. */
public final class RegistrationProcess {

  public static final String KEY = "partner-registration";
  public static final String RESOURCE = "processes/partner-registration.bpmn";

  private RegistrationProcess() {}

  public static final class Elements {
    public static final String START = "RegistrationRequested";
    public static final String RECORD_APPLICATION = "RecordApplication";
    public static final String REVIEW = "ReviewRegistration";
    public static final String RECORD_DECISION = "RecordRegistrationDecision";
    public static final String END_REGISTERED = "OrganisationRegistered";
    public static final String END_REFUSED = "RegistrationRefused";

    private Elements() {}
  }

  public static final class FormIds {
    public static final String APPLICATION = "registration-application";
    public static final String REVIEW = "registration-review";

    private FormIds() {}
  }

  /** Fields of activity offered in the application (関市・小金井 市民活動の分野). */
  public enum ActivityField implements Labeled {
    WELFARE("保健・医療・福祉"),
    CHILDREN("子ども・子育て"),
    EDUCATION_CULTURE("教育・文化・スポーツ"),
    ENVIRONMENT("環境"),
    DISASTER_SAFETY("防災・防犯・交通安全"),
    COMMUNITY("まちづくり・地域活動"),
    INTERNATIONAL("国際交流・多文化共生"),
    ECONOMY("経済・観光・産業"),
    OTHER("その他");

    private final String label;

    ActivityField(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum Decision implements Labeled {
    REGISTER("登録する"),
    REFUSE("登録しない");

    private final String label;

    Decision(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public static final Var<String> APPLICANT = Var.string("applicant");
  public static final Var<String> ORGANISATION_ID = Var.string("organisationId");
  public static final Var<String> ORGANISATION_NAME = Var.string("organisationName");
  public static final Var<String> ORGANISATION_TYPE = Var.string("organisationType");
  public static final Var<String> REPRESENTATIVE = Var.string("representative");
  public static final Var<String> CONTACT_EMAIL = Var.string("contactEmail");
  public static final Var<String> CONTACT_PHONE = Var.string("contactPhone");
  public static final Var<String> ADDRESS = Var.string("address");
  public static final ListVar ACTIVITY_FIELDS = ListVar.of("activityFields");
  public static final Var<String> ACTIVITY_RECORD = Var.string("activityRecord");
  public static final Var<String> FINANCIAL_STATE = Var.string("financialState");
  /** Who applied on the public page and will log in (name, login id, confirmed address), shown in the review. */
  public static final Var<String> APPLICANT_ACCOUNT = Var.string("applicantAccount");
  public static final Var<String> DECISION = Var.string("registrationDecision");
  public static final Var<String> REASON = Var.string("registrationReason");
}
