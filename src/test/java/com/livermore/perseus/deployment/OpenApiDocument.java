package com.livermore.perseus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * An OpenAPI 3.0 document and the schemas it gives each answer, as a JSON-schema validator from
 * outside the project (networknt) checks them. OpenAPI 3.0's {@code nullable} is turned into the
 * JSON Schema it means ({@code anyOf} the schema or {@code null}); everything else is kept.
 */
final class OpenApiDocument {
  static final ObjectMapper YAML = new YAMLMapper();
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  final JsonNode document;

  private OpenApiDocument(JsonNode document) {
    this.document = document;
  }

  static OpenApiDocument parse(String yaml) throws IOException {
    return new OpenApiDocument(YAML.readTree(yaml));
  }

  /**
   * The document without what differs between servers: {@code servers}, Payara's {@code endpoints}.
   */
  JsonNode portable() {
    ObjectNode copy = document.deepCopy();
    copy.remove("servers");
    copy.remove("endpoints");
    return copy;
  }

  /** Follows a local {@code $ref} ({@code #/components/...}), or returns the node itself. */
  JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) return node;
    JsonNode target = document.at(ref.asText().substring(1));
    assertThat(target.isMissingNode()).as("unresolved " + ref).isFalse();
    return resolve(target);
  }

  /** The schema the document gives {@code status} of {@code method path} in {@code mediaType}. */
  JsonSchema schemaFor(String path, String method, int status, String mediaType) {
    JsonNode operation = document.path("paths").path(path).path(method.toLowerCase());
    assertThat(operation.isMissingNode()).as(method + " " + path + " in the document").isFalse();
    JsonNode response = operation.path("responses").path(Integer.toString(status));
    assertThat(response.isMissingNode())
        .as("%s %s documents status %d", method, path, status)
        .isFalse();
    JsonNode media = resolve(response).path("content").path(mediaType);
    assertThat(media.isMissingNode())
        .as("%s %s %d documents %s", method, path, status, mediaType)
        .isFalse();
    ObjectNode root = (ObjectNode) nullableToJsonSchema(media.get("schema").deepCopy());
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("components", nullableToJsonSchema(document.get("components").deepCopy()));
    return SCHEMAS.getSchema(root);
  }

  /** Validation errors of {@code body} (JSON text) against that schema; empty when it conforms. */
  Set<ValidationMessage> check(
      String path, String method, int status, String mediaType, String body) throws IOException {
    return schemaFor(path, method, status, mediaType).validate(new ObjectMapper().readTree(body));
  }

  /** Validation errors of {@code body} against {@code components/schemas/<name>}. */
  Set<ValidationMessage> checkSchema(String name, String body) throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$ref", "#/components/schemas/" + name);
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("components", nullableToJsonSchema(document.get("components").deepCopy()));
    return SCHEMAS.getSchema(root).validate(new ObjectMapper().readTree(body));
  }

  /** Every {@code {…, nullable: true}} becomes {@code {anyOf: [{…}, {type: null}]}}. */
  static JsonNode nullableToJsonSchema(JsonNode node) {
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) array.set(i, nullableToJsonSchema(array.get(i)));
      return array;
    }
    if (!(node instanceof ObjectNode object)) return node;
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      // Examples are data, not schemas: leave them as they are.
      if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
        field.setValue(nullableToJsonSchema(field.getValue()));
      }
    }
    if (!object.path("nullable").asBoolean(false)) return object;
    object.remove("nullable");
    ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
    wrapped.putArray("anyOf").add(object).addObject().put("type", "null");
    return wrapped;
  }
}
