package jp.kyodo.platform;

import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of Kyodo's own routes (docs/monitoring.md#openapi), one group per audience: {@code
 * integration} ({@code /api}, HTTP Basic), {@code public} ({@code /public/api}, no login), {@code office}
 * ({@code /overview/api}, the webapps' login), {@code account} ({@code /account/api}, {@code /apply/api}, the webapps'
 * login and its CSRF token). Camunda's {@code /engine-rest} is Camunda's own, described by Camunda.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

  static final String ENGINE_REST_DOCS = "https://docs.camunda.org/rest/camunda-bpm-platform/7.24/";

  @Bean
  OpenAPI kyodoOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Kyodo（協働）API").version("1")
            .description("協働事業（① 事業の検討 → ⑥ 事業の改善）を動かす Kyodo 独自の API です。グループ: integration（/api、"
                + "HTTP Basic 認証）、public（/public/api、ログイン不要）、office（/overview/api、Tasklist・Cockpit のログイン）、"
                + "account（/account/api・/apply/api、同じログインと CSRF トークン）。エラーは {\"message\": \"…\"}（日本語）で返ります。"
                + "タスクの完了やプロセスの開始は Camunda の REST API（/engine-rest、HTTP Basic）で行います。"))
        .externalDocs(new ExternalDocumentation().description("Camunda 7.24 REST API（/engine-rest）").url(ENGINE_REST_DOCS))
        .schemaRequirement("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
        .schemaRequirement("webappSession", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
            .description("Tasklist・Cockpit にログインしたブラウザのセッション。書き込みには X-XSRF-TOKEN ヘッダーも必要です。"));
  }

  @Bean
  GroupedOpenApi integrationApi() {
    return group("integration", "連携（/api、HTTP Basic）", "basic", "/api/**");
  }

  @Bean
  GroupedOpenApi publicApi() {
    return group("public", "公開（/public/api、ログイン不要）", null, "/public/api/**");
  }

  @Bean
  GroupedOpenApi officeApi() {
    return group("office", "市民協働課の概況（/overview/api）", "webappSession", "/overview/api/**");
  }

  @Bean
  GroupedOpenApi accountApi() {
    return group("account", "利用者と団体（/account/api、/apply/api）", "webappSession", "/account/api/**", "/apply/api/**");
  }

  private static GroupedOpenApi group(String name, String displayName, String security, String... paths) {
    return GroupedOpenApi.builder().group(name).displayName(displayName).pathsToMatch(paths)
        .addOpenApiCustomizer(api -> {
          if (security != null) {
            api.setSecurity(List.of(new SecurityRequirement().addList(security)));
          }
        }).build();
  }
}
