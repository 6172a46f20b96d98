package jp.kyodo.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.kyodo.identity.DirectoryAccounts;

/**
 * Which claims of the city's OpenID Connect provider say who someone is: the user id ({@code kyodo.oidc.user-id-claim},
 * default {@code preferred_username}, else {@code sub}), the groups ({@code kyodo.oidc.groups-claim}, default
 * {@code groups}: a list of names, or one string of names separated by commas or spaces), the name and the address
 * (the standard {@code given_name}, {@code family_name}, {@code email}). The same for an ID token at a browser
 * sign-in and for an access token sent by an integration.
 */
public record OidcClaims(String userIdClaim, String groupsClaim) {

  public DirectoryAccounts.Person person(Map<String, Object> claims) {
    return new DirectoryAccounts.Person(userId(claims), text(claims.get("given_name")), text(claims.get("family_name")),
        text(claims.get("email")), groups(claims));
  }

  public String userId(Map<String, Object> claims) {
    String id = text(claims.get(userIdClaim));
    return id == null || id.isBlank() ? text(claims.get("sub")) : id.trim();
  }

  public List<String> groups(Map<String, Object> claims) {
    Object value = claims.get(groupsClaim);
    List<String> groups = new ArrayList<>();
    if (value instanceof Collection<?> many) {
      many.forEach(group -> groups.add(String.valueOf(group)));
    } else if (value instanceof String text && !text.isBlank()) {
      groups.addAll(List.of(text.trim().split("[,\\s]+")));
    }
    return groups;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
