package jp.kyodo.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The body of a write to the public and account routes, read by hand so that its size is bounded before anything
 * parses it: a 1 MB string is refused with 413 after {@value #MAX_BYTES} bytes, never read whole; anything but a JSON
 * object, or an object naming a field the route does not know, is refused with 400. Each with a Japanese message.
 */
final class JsonBody {

  static final int MAX_BYTES = 64 * 1024;
  static final String TOO_LARGE = "送信された内容が大きすぎます（64KB まで）。入力内容を短くしてください。";
  static final String NOT_JSON = "送信された内容を読み取れません。ページを読み込み直して、フォームから送ってください。";

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBody() {}

  static JsonNode read(HttpServletRequest request, Set<String> allowed) {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON);
    }
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, NOT_JSON);
    }
    if (body.length > MAX_BYTES) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, NOT_JSON);
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, NOT_JSON);
    }
    if (node == null || !node.isObject()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, NOT_JSON);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「" + shown.replaceAll("\\p{Cntrl}", "")
            + "」という項目は受け付けていません。");
      }
    }
    return node;
  }

  /** A text field: null when absent or JSON null; 400 when it is not a text. */
  static String text(JsonNode body, String name, String label) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「" + label + "」は文字で入力してください。");
    }
    return value.asText();
  }
}
