package jp.kyodo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.TreeMap;
import jp.kyodo.identity.DirectoryGroups;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose files as Compose would read them (no Docker engine runs where Kyodo is tested, so nothing else would
 * notice): {@code docker compose -f docker/docker-compose.yml up} must run a city's Kyodo — the production profile,
 * no demo people (password = user id) on the published port, secrets only from the environment — and the demo must
 * be asked for with {@code -f docker/docker-compose.demo.yml}. Each service's environment is merged key by key as
 * Compose merges an override file.
 */
class DockerComposeTest {

  static final Path BASE = Path.of("docker", "docker-compose.yml");
  static final Path DEMO = Path.of("docker", "docker-compose.demo.yml");
  static final Path APPLICATION = Path.of("src", "main", "resources", "application.yml");
  static final Path NGINX = Path.of("docker", "nginx-cluster.conf");

  /** A placeholder without a default: the application does not start unless the environment has it. */
  static final Pattern REQUIRED_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
  /** Compose interpolation of a variable from the shell, with at most an empty default. */
  static final Pattern FROM_THE_SHELL = Pattern.compile("\\$\\{[A-Za-z0-9_]+(:-)?}");

  @Test
  void byDefaultEveryNodeRunsTheProductionProfileWithoutDemoPeople() throws IOException {
    Map<String, Object> base = load(BASE);
    assertThat(kyodoServices(base)).as("the services built from docker/Dockerfile").contains("app", "app2");
    for (String name : kyodoServices(base)) {
      Map<String, String> env = environment(service(base, name));
      assertThat(profiles(env)).as(name + ": SPRING_PROFILES_ACTIVE").contains("production");
      assertThat(demoData(env)).as(name + ": demo people (password = user id) by default").isFalse();
      assertThat(String.valueOf(service(base, name).get("command"))).as(name + ": command line")
          .doesNotContain("demo-data").doesNotContain("profiles");
    }
  }

  @Test
  void theProductionSecretsComeFromTheEnvironmentOnly() throws IOException {
    Map<String, Object> base = load(BASE);
    Set<String> required = productionPlaceholders();
    assertThat(required).as("what the production profile needs from the environment")
        .contains("KYODO_ADMIN_USER", "KYODO_ADMIN_PASSWORD", "SPRING_DATASOURCE_PASSWORD", "KYODO_REGISTRATION_FORM_SECRET");
    for (String name : kyodoServices(base)) {
      Map<String, String> env = environment(service(base, name));
      // Not declared, Compose would not pass it into the container even when it is exported: production never starts.
      assertThat(env.keySet()).as(name + ": declared, so that Compose passes it on").containsAll(required);
      for (String secret : List.of("KYODO_ADMIN_USER", "KYODO_ADMIN_PASSWORD", "SPRING_DATASOURCE_PASSWORD",
          "KYODO_REGISTRATION_FORM_SECRET")) {
        assertThat(env.get(secret)).as(name + ": " + secret + " comes from the shell, no value in the file")
            .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).matches(FROM_THE_SHELL));
      }
    }
    Map<String, String> db = environment(service(base, "db"));
    assertThat(db.get("POSTGRES_PASSWORD")).as("db: POSTGRES_PASSWORD comes from the shell").matches(FROM_THE_SHELL);
  }

  @Test
  void theDemoOverrideTurnsTheDemoPeopleOnForEveryNode() throws IOException {
    Map<String, Object> base = load(BASE);
    Map<String, Object> demo = load(DEMO);
    assertThat(services(base).keySet()).as("the demo overrides services of docker-compose.yml only")
        .containsAll(services(demo).keySet());
    for (String name : kyodoServices(base)) {
      Map<String, String> env = environment(service(base, name));
      env.putAll(environment(service(demo, name)));
      assertThat(demoData(env)).as(name + " with the demo override: demo people").isTrue();
      assertThat(profiles(env)).as(name + " with the demo override: production needs the real secrets")
          .doesNotContain("production").contains("postgres");
      assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).as(name + " with the demo override: the database password")
          .isEqualTo(environment(service(demo, "db")).get("POSTGRES_PASSWORD")).isNotBlank();
    }
  }

  @Test
  void theClusterProfileAddsASecondNodeLikeTheFirstBehindNginx() throws IOException {
    Map<String, Object> base = load(BASE);
    List<String> byDefault = new ArrayList<>();
    services(base).forEach((name, service) -> {
      if (!((Map<?, ?>) service).containsKey("profiles")) {
        byDefault.add(name);
      }
    });
    assertThat(byDefault).as("started without --profile").containsExactlyInAnyOrder("db", "mailpit", "app");
    assertThat(service(base, "app2").get("profiles")).isEqualTo(List.of("cluster"));
    assertThat(service(base, "lb").get("profiles")).isEqualTo(List.of("cluster"));
    assertThat(environment(service(base, "app2"))).as("app2 runs as app does").isEqualTo(environment(service(base, "app")));
    assertThat(service(base, "app").toString()).as("the first node's name in nginx-cluster.conf").contains("aliases=[app1]");
    assertThat(Files.readString(NGINX)).contains("server app1:8080", "server app2:8080");
    assertThat(String.valueOf(((Map<?, ?>) service(base, "lb").get("depends_on")).keySet())).isEqualTo("[app, app2]");
  }

  /**
   * Mail (docs/notifications.md): every Kyodo node, with or without the demo override, sends through Mailpit's SMTP
   * port with kyodo.mail.enabled on and links made absolute with KYODO_BASE_URL; Mailpit publishes its web UI; and a
   * mail server that is down does not make a node unhealthy (Spring Boot's mail health indicator is off).
   */
  @Test
  void everyNodeSendsItsMailToMailpit() throws IOException {
    Map<String, Object> base = load(BASE);
    Map<String, Object> mailpit = service(base, "mailpit");
    assertThat(String.valueOf(mailpit.get("image"))).as("mailpit: image").startsWith("axllent/mailpit");
    assertThat(mailpit.get("profiles")).as("mailpit runs by default").isNull();
    assertThat(String.valueOf(mailpit.get("ports"))).as("mailpit: web UI and SMTP published")
        .contains("8025:8025").contains("1025:1025");
    Map<String, Object> demo = load(DEMO);
    for (String name : kyodoServices(base)) {
      for (boolean withDemo : List.of(false, true)) {
        Map<String, String> env = environment(service(base, name));
        if (withDemo) {
          env.putAll(environment(service(demo, name)));
        }
        String as = name + (withDemo ? " with the demo override" : "") + ": ";
        assertThat(env.get("SPRING_MAIL_HOST")).as(as + "SPRING_MAIL_HOST is Mailpit's service").isEqualTo("mailpit");
        assertThat(env.get("SPRING_MAIL_PORT")).as(as + "SPRING_MAIL_PORT is Mailpit's SMTP port").isEqualTo("1025");
        assertThat(env.get("KYODO_MAIL_ENABLED")).as(as + "mail is sent, not only logged").isEqualTo("true");
        assertThat(env.get("KYODO_BASE_URL")).as(as + "the base of the links in mail").isNotBlank()
            .contains("http://localhost:8080");
      }
      // app2 starts after app, app after Mailpit (without waiting for its health: the outbox waits for the server).
      String node = name;
      while (!String.valueOf(service(base, node).get("depends_on")).contains("mailpit")) {
        Object dependsOn = service(base, node).get("depends_on");
        assertThat(dependsOn).as(name + ": starts after Mailpit").isInstanceOf(Map.class);
        node = ((Map<?, ?>) dependsOn).keySet().stream().map(String::valueOf).filter(kyodoServices(base)::contains)
            .findFirst().orElseThrow(() -> new AssertionError(name + " does not start after Mailpit"));
      }
      assertThat(String.valueOf(service(base, node).get("depends_on"))).as(node + ": after Mailpit has started")
          .contains("mailpit={condition=service_started}");
    }
    boolean mailHealth = true;
    try (Reader reader = Files.newBufferedReader(APPLICATION)) {
      for (Object document : new Yaml().loadAll(reader)) {
        Object management = ((Map<?, ?>) document).get("management");
        if (management instanceof Map<?, ?> m && m.get("health") instanceof Map<?, ?> health
            && health.get("mail") instanceof Map<?, ?> mail && Boolean.FALSE.equals(mail.get("enabled"))) {
          mailHealth = false;
        }
      }
    }
    assertThat(mailHealth).as("application.yml: management.health.mail.enabled false").isFalse();
  }

  static final Path LDAP = Path.of("docker", "docker-compose.ldap.yml");
  static final Path LDAP_LDIF = Path.of("docker", "ldap", "kyodo-staff.ldif");

  /**
   * The LDAP override (docs/sign-in.md): every node runs the profile ldap on top of production and gets every
   * setting the profile cannot start without, the directory's password only from the shell, a base DN that is the
   * OpenLDAP service's domain, and a group mapping that names the groups of the LDIF it loads (and never partners).
   */
  @Test
  void theLdapOverrideSignsStaffInWithTheOpenLdapService() throws IOException {
    Map<String, Object> base = load(BASE);
    Map<String, Object> ldap = load(LDAP);
    Map<String, String> server = environment(service(ldap, "ldap"));
    assertThat(String.valueOf(service(ldap, "ldap").get("image"))).startsWith("osixia/openldap:");
    assertThat(server.get("LDAP_ADMIN_PASSWORD")).as("the directory's password comes from the shell").matches(FROM_THE_SHELL);
    String domainDn = "dc=" + String.join(",dc=", server.get("LDAP_DOMAIN").split("\\."));
    assertThat(String.valueOf(service(ldap, "ldap").get("volumes"))).contains("./ldap:");
    String ldif = Files.readString(LDAP_LDIF);

    Set<String> required = new TreeSet<>();
    try (Reader reader = Files.newBufferedReader(APPLICATION)) {
      for (Object document : new Yaml().loadAll(reader)) {
        String text = String.valueOf(document);
        if (text.contains("on-profile=ldap")) {
          Matcher placeholder = REQUIRED_PLACEHOLDER.matcher(text);
          while (placeholder.find()) {
            required.add(placeholder.group(1));
          }
        }
      }
    }
    assertThat(required).contains("KYODO_LDAP_URL", "KYODO_LDAP_MANAGER_DN", "KYODO_LDAP_MANAGER_PASSWORD",
        "KYODO_LDAP_BASE_DN");
    for (String name : kyodoServices(base)) {
      Map<String, String> env = environment(service(base, name));
      env.putAll(environment(service(ldap, name)));
      assertThat(profiles(env)).as(name).contains("postgres", "production", "ldap");
      assertThat(env.keySet()).as(name + ": what the ldap profile needs").containsAll(required);
      assertThat(env.get("KYODO_LDAP_MANAGER_PASSWORD")).as(name).matches(FROM_THE_SHELL);
      assertThat(env.get("KYODO_LDAP_URL")).as(name).isEqualTo("ldap://ldap:389");
      assertThat(env.get("KYODO_LDAP_BASE_DN")).as(name).isEqualTo(domainDn);
      assertThat(env.get("KYODO_LDAP_MANAGER_DN")).as(name + ": the image's admin").isEqualTo("cn=admin," + domainDn);
      assertThat(ldif).contains("," + domainDn);
      JsonNode mapping = new ObjectMapper().readTree(env.get("SPRING_APPLICATION_JSON"))
          .path("kyodo").path("directory").path("group-mapping");
      assertThat(mapping.size()).as(name + ": kyodo.directory.group-mapping").isPositive();
      mapping.fields().forEachRemaining(entry -> {
        assertThat(ldif).as("a mapped group is in the LDIF").contains("dn: cn=" + entry.getKey() + ",ou=groups," + domainDn);
        entry.getValue().forEach(target -> assertThat(target.asText()).isNotEqualTo("partners").doesNotStartWith("org-"));
      });
      assertThat(String.valueOf(service(ldap, name).get("depends_on"))).contains("ldap");
    }
  }

  // --- monitoring (docs/monitoring.md): Prometheus and Grafana, profile "monitoring"

  static final Path PROMETHEUS = Path.of("docker", "prometheus", "prometheus.yml");
  static final Path GRAFANA_DATASOURCES = Path.of("docker", "grafana", "provisioning", "datasources", "prometheus.yml");
  static final Path GRAFANA_DASHBOARDS = Path.of("docker", "grafana", "provisioning", "dashboards", "kyodo.yml");
  static final Path DASHBOARD = Path.of("docker", "grafana", "dashboards", "kyodo.json");

  /**
   * Prometheus reads every Kyodo node where Kyodo serves its metrics (the path Actuator exposes, the port the node
   * listens on) as the account each node creates from its environment, with the password Compose hands it from the
   * same shell variable the nodes get.
   */
  @Test
  void prometheusReadsEveryNodeAsTheMonitoringAccount() throws IOException {
    Map<String, Object> base = load(BASE);
    Map<String, Object> prometheus = service(base, "prometheus");
    assertThat(prometheus.get("profiles")).isEqualTo(List.of("monitoring"));
    assertThat(String.valueOf(prometheus.get("volumes"))).contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
    Map<String, Object> config = load(PROMETHEUS);
    List<?> jobs = (List<?>) config.get("scrape_configs");
    Map<?, ?> kyodo = (Map<?, ?>) jobs.stream().filter(j -> "kyodo".equals(((Map<?, ?>) j).get("job_name"))).findFirst()
        .orElseThrow(() -> new AssertionError("prometheus.yml: no job kyodo"));

    Map<String, Object> application = applicationDefaults();
    assertThat(kyodo.get("metrics_path")).isEqualTo("/" + String.join("/", "actuator", "prometheus"));
    assertThat(String.valueOf(path(application, "management", "endpoints", "web", "exposure", "include")).split(","))
        .as("application.yml exposes it").contains("prometheus");
    String port = String.valueOf(path(application, "server", "port"));
    Set<String> targets = new TreeSet<>();
    for (Object staticConfig : (List<?>) kyodo.get("static_configs")) {
      for (Object target : (List<?>) ((Map<?, ?>) staticConfig).get("targets")) {
        targets.add(String.valueOf(target));
      }
    }
    assertThat(targets).as("every Kyodo node on the port it listens on")
        .isEqualTo(new TreeSet<>(kyodoServices(base).stream().map(n -> n + ":" + port).toList()));
    assertThat(String.valueOf(service(base, "app").get("ports"))).contains(":" + port);

    Map<?, ?> auth = (Map<?, ?>) kyodo.get("basic_auth");
    assertThat(auth).as("prometheus.yml: basic_auth").isNotNull();
    assertThat(String.valueOf(path(application, "kyodo", "monitoring", "user"))).isEqualTo("${KYODO_MONITORING_USER:}");
    assertThat(String.valueOf(path(application, "kyodo", "monitoring", "password"))).isEqualTo("${KYODO_MONITORING_PASSWORD:}");
    for (String name : kyodoServices(base)) {
      Map<String, String> env = environment(service(base, name));
      assertThat(env.get("KYODO_MONITORING_USER")).as(name + ": the account prometheus.yml signs in as")
          .isEqualTo(auth.get("username"));
      assertThat(env).as(name).containsKey("KYODO_MONITORING_PASSWORD");
      assertThat(env.get("KYODO_MONITORING_PASSWORD")).as(name + ": the password comes from the shell")
          .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).matches(FROM_THE_SHELL));
    }
    String secret = String.valueOf(((List<?>) prometheus.get("secrets")).get(0));
    assertThat(auth.get("password_file")).isEqualTo("/run/secrets/" + secret);
    Map<?, ?> secrets = (Map<?, ?>) base.get("secrets");
    assertThat(((Map<?, ?>) secrets.get(secret)).get("environment")).as("the secret is the nodes' variable")
        .isEqualTo("KYODO_MONITORING_PASSWORD");
    assertThat(String.valueOf(prometheus.get("ports"))).as("Prometheus has no login: this machine only")
        .startsWith("[127.0.0.1:");
  }

  @Test
  void grafanaShowsTheDashboardFromPrometheus() throws IOException {
    Map<String, Object> base = load(BASE);
    Map<String, Object> grafana = service(base, "grafana");
    assertThat(grafana.get("profiles")).isEqualTo(List.of("monitoring"));
    String volumes = String.valueOf(grafana.get("volumes"));
    assertThat(volumes).contains("./grafana/provisioning:/etc/grafana/provisioning");
    Map<String, String> env = environment(grafana);
    assertThat(env.get("GF_SECURITY_ADMIN_PASSWORD")).as("Grafana's password comes from the shell").matches(FROM_THE_SHELL);
    assertThat(env.get("GF_AUTH_ANONYMOUS_ENABLED")).isEqualTo("false");

    Map<?, ?> datasource = (Map<?, ?>) ((List<?>) load(GRAFANA_DATASOURCES).get("datasources")).get(0);
    assertThat(datasource.get("type")).isEqualTo("prometheus");
    assertThat(datasource.get("url")).as("the prometheus service on Prometheus' port")
        .isEqualTo("http://prometheus:9090");
    assertThat(services(base)).containsKey("prometheus");
    assertThat(String.valueOf(service(base, "prometheus").get("ports"))).contains(":9090");

    Map<?, ?> provider = (Map<?, ?>) ((List<?>) load(GRAFANA_DASHBOARDS).get("providers")).get(0);
    String folder = String.valueOf(((Map<?, ?>) provider.get("options")).get("path"));
    assertThat(volumes).as("the dashboards are mounted where the provider reads them")
        .contains("./grafana/dashboards:" + folder);

    com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(DASHBOARD.toFile());
    List<String> titles = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode panel : dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
          .isEqualTo(datasource.get("uid"));
    }
    assertThat(String.join("\n", titles)).as("the panels docs/monitoring.md lists")
        .contains("open tasks per group", "overdue phases", "projects per phase", "mails queued / failed",
            "HTTP p95 by route", "error rate", "JVM heap", "DB pool", "engine job executor");
    Map<String, Set<String>> metrics = dashboardMetrics();
    assertThat(metrics.keySet()).as("every panel asks for a metric").containsExactlyInAnyOrderElementsOf(titles);
    metrics.forEach((panel, names) -> assertThat(names).as(panel).isNotEmpty());
  }

  /** The metric names each panel's queries use (OperationsTest compares them with a real scrape). */
  static Map<String, Set<String>> dashboardMetrics() throws IOException {
    Pattern metric = Pattern.compile("\\b(?:kyodo|jvm|hikaricp|http_server|executor|process|system|tomcat)_[a-z0-9_]+\\b");
    Map<String, Set<String>> out = new LinkedHashMap<>();
    com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(DASHBOARD.toFile());
    for (com.fasterxml.jackson.databind.JsonNode panel : dashboard.path("panels")) {
      Set<String> names = new TreeSet<>();
      for (com.fasterxml.jackson.databind.JsonNode target : panel.path("targets")) {
        Matcher found = metric.matcher(target.path("expr").asText());
        while (found.find()) {
          names.add(found.group());
        }
      }
      out.put(panel.path("title").asText(), names);
    }
    return out;
  }

  /** application.yml's first document: the settings of every profile. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> applicationDefaults() throws IOException {
    try (Reader reader = Files.newBufferedReader(APPLICATION)) {
      return (Map<String, Object>) new Yaml().loadAll(reader).iterator().next();
    }
  }

  static Object path(Map<String, Object> yaml, String... keys) {
    Object node = yaml;
    for (String key : keys) {
      assertThat(node).as(String.join(".", keys)).isInstanceOf(Map.class);
      node = ((Map<?, ?>) node).get(key);
    }
    return node;
  }

  // --- profile oidc: Keycloak and the override that signs staff in there (docs/sign-in.md)

  static final Path OIDC = Path.of("docker", "docker-compose.oidc.yml");
  static final Path REALM = Path.of("docker", "keycloak", "kyodo-realm.json");

  @Test
  void keycloakRunsOnlyWithProfileOidcAndImportsTheDemoRealm() throws IOException {
    Map<String, Object> keycloak = service(load(BASE), "keycloak");
    assertThat(String.valueOf(keycloak.get("image"))).startsWith("quay.io/keycloak/keycloak:26.");
    assertThat(keycloak.get("profiles")).as("not started by a plain docker compose up").isEqualTo(List.of("oidc"));
    assertThat(String.valueOf(keycloak.get("command"))).contains("start-dev").contains("--import-realm");
    assertThat(String.valueOf(keycloak.get("volumes")))
        .contains("./keycloak/kyodo-realm.json:/opt/keycloak/data/import/kyodo-realm.json");
    assertThat(Files.exists(BASE.getParent().resolve("keycloak/kyodo-realm.json"))).isTrue();
    assertThat(String.valueOf(keycloak.get("healthcheck"))).contains("/health/ready");
    assertThat(environment(keycloak)).containsEntry("KC_HEALTH_ENABLED", "true");
  }

  @Test
  void theOidcOverrideSignsEveryNodeInAtKeycloakWithTheRealmsClientAndGroups() throws IOException {
    Map<String, Object> base = load(BASE);
    Map<String, Object> oidc = load(OIDC);
    JsonNode realm = new ObjectMapper().readTree(REALM.toFile());
    assertThat(services(base).keySet()).as("the override changes services of docker-compose.yml only")
        .containsAll(services(oidc).keySet());
    Map<String, String> keycloak = environment(service(base, "keycloak"));
    String issuer = keycloak.get("KC_HOSTNAME") + "/realms/" + realm.path("realm").asText();

    JsonNode client = null;
    for (JsonNode candidate : realm.path("clients")) {
      if (candidate.path("clientId").asText().equals("kyodo")) {
        client = candidate;
      }
    }
    assertThat(client).as("the realm's client kyodo").isNotNull();
    assertThat(client.path("publicClient").asBoolean()).as("confidential").isFalse();
    JsonNode groupsMapper = null;
    for (JsonNode mapper : client.path("protocolMappers")) {
      if (mapper.path("protocolMapper").asText().equals("oidc-group-membership-mapper")) {
        groupsMapper = mapper.path("config");
      }
    }
    assertThat(groupsMapper).as("a groups claim mapper").isNotNull();
    assertThat(groupsMapper.path("claim.name").asText()).as("the claim kyodo.oidc.groups-claim reads")
        .isEqualTo(oidcSetting("groups-claim"));
    assertThat(groupsMapper.path("full.path").asText()).as("group names, not paths").isEqualTo("false");

    Set<String> realmGroups = new TreeSet<>();
    realm.path("groups").forEach(group -> realmGroups.add(group.path("name").asText()));
    Map<String, String> baseUrl = environment(service(base, "app"));
    for (String name : kyodoServices(base)) {
      Map<String, String> env = environment(service(base, name));
      assertThat(profiles(env)).as(name + " without the override").doesNotContain("oidc");
      assertThat(env.get("SPRING_PROFILES_INCLUDE")).as(name + " without the override").isNull();
      env.putAll(environment(service(oidc, name)));
      String as = name + " with the oidc override: ";
      assertThat(env.get("SPRING_PROFILES_INCLUDE")).as(as + "profile oidc added").isEqualTo("oidc");
      assertThat(profiles(env)).as(as + "the production profile stays").contains("production");
      assertThat(env.get("KYODO_OIDC_ISSUER_URI")).as(as + "the issuer Keycloak names").isEqualTo(issuer);
      assertThat(env.get("KYODO_OIDC_CLIENT_ID")).isEqualTo(client.path("clientId").asText());
      assertThat(env.get("KYODO_OIDC_CLIENT_SECRET")).as(as + "the demo realm's secret unless exported")
          .isEqualTo("${KYODO_OIDC_CLIENT_SECRET:-" + client.path("secret").asText() + "}");
      assertThat(String.valueOf(service(oidc, name).get("depends_on"))).as(as + "after Keycloak is ready")
          .contains("keycloak={condition=service_healthy}");

      DirectoryGroups mapping = new DirectoryGroups();
      JsonNode json = new ObjectMapper().readTree(env.get("SPRING_APPLICATION_JSON"));
      json.path("kyodo").path("directory").path("group-mapping").fields().forEachRemaining(entry -> {
        List<String> targets = new ArrayList<>();
        entry.getValue().forEach(target -> targets.add(target.asText()));
        mapping.getGroupMapping().put(entry.getKey(), targets);
      });
      mapping.checkTargets();
      assertThat(mapping.getGroupMapping().keySet()).as(as + "the mapping names the realm's groups").isEqualTo(realmGroups);
      // each demo person of the realm gets the Kyodo groups the demo people have (identity.DemoData)
      Map<String, Set<String>> expected = Map.of("admin", Set.of("camunda-admin"), "tanaka", Set.of("coordinators"),
          "suzuki", Set.of("departments", "dept-fukushi"), "yamamoto", Set.of("departments", "dept-fukushi"),
          "kobayashi", Set.of("departments", "dept-fukushi"), "sato", Set.of("managers"),
          "takahashi", Set.of("reviewers"), "ito", Set.of("reviewers"), "watanabe", Set.of("evaluators"));
      Map<String, Set<String>> actual = new TreeMap<>();
      for (JsonNode user : realm.path("users")) {
        List<String> groups = new ArrayList<>();
        user.path("groups").forEach(group -> groups.add(group.asText().replaceFirst("^/", "")));
        actual.put(user.path("username").asText(), mapping.kyodoGroupsOf(groups));
        assertThat(user.path("credentials").get(0).path("value").asText()).as("demo: password = user id")
            .isEqualTo(user.path("username").asText());
      }
      assertThat(actual).as(as + "the realm's people in Kyodo's groups").isEqualTo(new TreeMap<>(expected));
    }
    // Kyodo's redirect URI ({baseUrl}/login/oauth2/code/{registrationId}) at the address Compose publishes
    String redirect = oidcRedirectTemplate().replace("{baseUrl}", "http://localhost:8080").replace("{registrationId}", "kyodo");
    assertThat(baseUrl.get("KYODO_BASE_URL")).contains("http://localhost:8080");
    assertThat(client.path("redirectUris").toString()).as("the realm lets Kyodo's redirect URI in").isEqualTo("[\"" + redirect + "\"]");
    assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).isEqualTo("http://localhost:8080/login.html");
  }

  /** A setting of kyodo.oidc in application.yml's profile oidc. */
  static String oidcSetting(String name) throws IOException {
    return String.valueOf(((Map<?, ?>) oidcProfile().get("kyodo")).get("oidc") instanceof Map<?, ?> oidc ? oidc.get(name) : null);
  }

  static String oidcRedirectTemplate() throws IOException {
    Map<?, ?> spring = (Map<?, ?>) oidcProfile().get("spring");
    Map<?, ?> client = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) spring.get("security")).get("oauth2")).get("client");
    return String.valueOf(((Map<?, ?>) ((Map<?, ?>) client.get("registration")).get("kyodo")).get("redirect-uri"));
  }

  static Map<?, ?> oidcProfile() throws IOException {
    try (Reader reader = Files.newBufferedReader(APPLICATION)) {
      for (Object document : new Yaml().loadAll(reader)) {
        if (String.valueOf(document).contains("on-profile=oidc")) {
          return (Map<?, ?>) document;
        }
      }
    }
    throw new AssertionError("application.yml has no document for profile oidc");
  }

  // --- reading the files

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return (Map<String, Object>) new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> services(Map<String, Object> compose) {
    return (Map<String, Object>) compose.get("services");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> service(Map<String, Object> compose, String name) {
    Object service = services(compose).get(name);
    assertThat(service).as("service " + name).isInstanceOf(Map.class);
    return (Map<String, Object>) service;
  }

  /** The services that run Kyodo: those built from docker/Dockerfile. */
  static List<String> kyodoServices(Map<String, Object> compose) {
    List<String> names = new ArrayList<>();
    services(compose).forEach((name, service) -> {
      Object build = ((Map<?, ?>) service).get("build");
      if (build instanceof Map<?, ?> b && String.valueOf(b.get("dockerfile")).endsWith("Dockerfile")) {
        names.add(name);
      }
    });
    return names;
  }

  /** A service's environment in either of Compose's forms; null for a variable passed on from the shell. */
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object declared = service.get("environment");
    if (declared instanceof Map<?, ?> map) {
      map.forEach((key, value) -> env.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
    } else if (declared instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = String.valueOf(entry).split("=", 2);
        env.put(pair[0], pair.length == 2 ? pair[1] : null);
      }
    }
    return env;
  }

  static List<String> profiles(Map<String, String> env) {
    String active = env.get("SPRING_PROFILES_ACTIVE");
    return active == null ? List.of() : Arrays.stream(active.split(",")).map(String::trim).toList();
  }

  /**
   * Whether the demo people are created: kyodo.demo-data as any environment variable that Spring binds to it says,
   * otherwise as application.yml has it (on, and off in the production profile).
   */
  static boolean demoData(Map<String, String> env) {
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().toUpperCase().replaceAll("[._-]", "").equals("KYODODEMODATA")) {
        return Boolean.parseBoolean(e.getValue());
      }
    }
    return !profiles(env).contains("production");
  }

  /** The environment variables the production profile of application.yml cannot start without. */
  static Set<String> productionPlaceholders() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Reader reader = Files.newBufferedReader(APPLICATION)) {
      for (Object document : new Yaml().loadAll(reader)) {
        String text = String.valueOf(document);
        if (text.contains("on-profile=production")) {
          Matcher placeholder = REQUIRED_PLACEHOLDER.matcher(text);
          while (placeholder.find()) {
            names.add(placeholder.group(1));
          }
        }
      }
    }
    return names;
  }
}
